namespace MediaPlatform.Bench.Api;

public sealed record BenchOptions(int Requests, int Clients, int Runs, int Users, int MemoryEntities, bool Overhead = false, bool EveryNode = false,
    bool? OnlySide = null, bool Metrics = true, bool Traces = true, bool Grpc = false, int Batch = 100, double? SampleRatio = null, int Operations = 3, bool Floors = false)
{
    public const string Usage = "usage: Api.Bench [--requests N (2000)] [--clients N (16)] [--runs N (3)] [--users N (40)] [--memory-entities N (10000; 0 skips)] [--operations N (3: the first N of profile read, profile update, title order + payment; e.g. 1 under a profiler)] [--floors (main run only; first: bare Kestrel, the node's pipeline without actors, with the token check, and the profile read from the entity's own node)] [--observability-overhead (only metrics+tracing on vs off)] [--every-node (with it: providers on all 3 in-process nodes, each recording all of them)] [--only-on | --only-off (with it: run one side only, e.g. under a profiler)] [--metrics-only | --traces-only (with it: what \"on\" turns on)] [--sample-ratio R (with it: the nodes' --trace-sample-ratio; default theirs, 0.1)] [--grpc (only gRPC vs the JSON routes for the same questions)] [--batch N (100: questions per gRPC batch call)]";

    /// <summary>Parses the flags; throws <see cref="ArgumentException"/> with a one-line message on bad input.</summary>
    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchOptions(Requests: 2000, Clients: 16, Runs: 3, Users: 40, MemoryEntities: 10_000);
        new BenchArguments(Usage)
            .Int("--requests", v => options = options with { Requests = v }, min: 0)
            .Int("--clients", v => options = options with { Clients = v }, min: 0)
            .Int("--runs", v => options = options with { Runs = v })
            .Int("--users", v => options = options with { Users = v })
            .Int("--memory-entities", v => options = options with { MemoryEntities = v }, min: 0)
            .Int("--operations", v => options = options with { Operations = Math.Min(v, 3) })
            .Switch("--floors", () => options = options with { Floors = true })
            .Switch("--observability-overhead", () => options = options with { Overhead = true })
            .Switch("--every-node", () => options = options with { EveryNode = true })
            .Switch("--only-on", () => options = options with { OnlySide = true })
            .Switch("--only-off", () => options = options with { OnlySide = false })
            .Switch("--metrics-only", () => options = options with { Traces = false })
            .Switch("--traces-only", () => options = options with { Metrics = false })
            .Ratio("--sample-ratio", v => options = options with { SampleRatio = v })
            .Switch("--grpc", () => options = options with { Grpc = true })
            .Int("--batch", v => options = options with { Batch = v })
            .Parse(args);
        if (options.Batch > Node.Grpc.GrpcInput.MaxBatch) throw new ArgumentException($"--batch {options.Batch} is more than a gRPC batch call takes ({Node.Grpc.GrpcInput.MaxBatch})");
        return options;
    }
}
