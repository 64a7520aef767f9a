namespace MediaPlatform.Bench.Api;

public sealed record BenchOptions(int Requests, int Clients, int Runs, int Users, int MemoryEntities)
{
    public static BenchOptions Parse(string[] args)
    {
        int Get(string flag, int fallback)
        {
            var i = Array.IndexOf(args, flag);
            return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var v) && v >= 0 ? v : fallback;
        }
        return new BenchOptions(Get("--requests", 2000), Get("--clients", 16), Math.Max(1, Get("--runs", 3)),
            Math.Max(1, Get("--users", 40)), Get("--memory-entities", 10_000));
    }
}
