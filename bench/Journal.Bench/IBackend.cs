namespace MediaPlatform.Bench.Journal;

/// <summary>A database engine under test: hands out one fresh database per run.</summary>
public interface IBackend : IAsyncDisposable
{
    string Name { get; }

    Task<IRunDatabase> CreateRunDatabaseAsync(int run);
}
