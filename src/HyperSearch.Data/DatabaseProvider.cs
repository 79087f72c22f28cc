namespace HyperSearch.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
