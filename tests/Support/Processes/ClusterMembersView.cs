namespace MediaPlatform.Testing.Processes;

/// <summary>
/// GET /cluster/members as read off the wire. Declared here rather than reusing the node's own type, so a change to
/// the HTTP contract shows up as a failing spec.
/// </summary>
public sealed record ClusterMembersView(
    string SelfNode, string SelfName, string SelfStatus, string? Leader, string? Oldest,
    IReadOnlyList<ClusterMemberView> Members, IReadOnlyList<string> Unreachable)
{
    public int CountUp => Members.Count(m => m.Status == "Up");

    public bool Has(string address) => Members.Any(m => m.Node == address);

    public override string ToString() =>
        $"{SelfNode} ({SelfStatus}) sees [{string.Join(", ", Members.Select(m => $"{m.Node} {m.Status} {m.Reachability}"))}]" +
        $", unreachable [{string.Join(", ", Unreachable)}], leader {Leader}";
}

/// <summary>One entry of <see cref="ClusterMembersView.Members"/>.</summary>
public sealed record ClusterMemberView(
    string Node, long NodeUid, string Status, IReadOnlyList<string> Roles, string Reachability, string AppVersion);
