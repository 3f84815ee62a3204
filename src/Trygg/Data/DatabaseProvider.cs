namespace Trygg.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
