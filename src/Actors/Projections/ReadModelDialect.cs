namespace MediaPlatform.Actors.Projections;

/// <summary>The SQL dialect of the database the journal and its read models share.</summary>
public enum ReadModelDialect
{
    Sqlite,
    Postgres,
}
