namespace HyperSearch.Training.Models;

/// <summary>The recurrent layer of <see cref="RecurrentRegressor"/>; chosen with the trial parameter <c>cell</c> (0 = LSTM, 1 = GRU).</summary>
public enum RecurrentCell
{
    Lstm = 0,
    Gru = 1,
}
