namespace HyperSearch.Core.Configuration;

public enum OptimizerType
{
    Sgd,
    Adam,
    AdamW,
    RmsProp,
    Adagrad,
}
