using MediaPlatform.Actors.Entities;

namespace MediaPlatform.Actors.Parties;

/// <summary>The party's rules: each command decided on the current state and the time, into events or a refusal.</summary>
public sealed partial record PartyState
{
    public Decision<IPartyEvent> Handle(IPartyCommand command, DateTimeOffset now)
    {
        if (command is CreateParty create) return Create(create, now);
        if (command is GetPartySummary summary) return Decide.Reply<IPartyEvent>(Summary(summary.UserId, now));
        if (!Exists) return Reject(Rejection.NotFound($"party {PartyId} does not exist"));
        if (command is EndPartyIfIdle) return EndIfIdle(now);
        if (command is HandOverFromAwayHost h) return HandOver(h, now);
        if (command is SyncParty) return Decide.Reply<IPartyEvent>(View(now, PushedChatLines));
        if (command is DisconnectFromParty d) return Disconnect(d, now);
        if (command is DropDeadConnections dead) return DropDead(dead, now);
        if (command is GetParty get)
            return IsMember(get.UserId) ? Decide.Reply<IPartyEvent>(View(now)) : Reject(Rejection.Forbidden("only the party's members see it"));
        if (Ended) return Reject(Rejection.Conflict($"party {PartyId} has ended"));
        return command switch
        {
            InviteToParty c => Invite(c, now),
            JoinParty c => Join(c, now),
            LeaveParty c => Leave(c, now),
            EndParty c => c.UserId == HostId
                ? Persist(new PartyEnded(PartyEndReason.EndedByHost, now), now)
                : Reject(Rejection.Forbidden("only the host ends the party")),
            ControlPlayback c => ChangePlayback(c, now),
            SetPartyControl c => c.UserId != HostId ? Reject(Rejection.Forbidden("only the host chooses who controls playback"))
                : c.Control == Control ? Decide.Reply<IPartyEvent>(View(now))
                : Persist(new PartyControlChanged(c.Control, c.UserId, now), now),
            PostPartyChat c => PostChat(c, now),
            ConnectToParty c => Connect(c, now),
            _ => Reject(Rejection.Invalid($"unknown party command {command.GetType().Name}")),
        };
    }

    private Decision<IPartyEvent> Create(CreateParty c, DateTimeOffset now)
    {
        if (Exists)
            return c.HostId == HostId && c.Media == Media
                ? Decide.Reply<IPartyEvent>(View(now)) // a repeat of the same create
                : Reject(Rejection.Conflict($"party {PartyId} already exists"));
        if (string.IsNullOrWhiteSpace(c.HostId)) return Reject(Rejection.Invalid("a party needs a host"));
        if (c.Media is null || string.IsNullOrWhiteSpace(c.Media.Id)) return Reject(Rejection.Invalid("a party needs something to watch"));
        if (!c.MediaAvailable)
            return Reject(Rejection.Conflict(c.Media.Kind == PartyMediaKind.Live
                ? $"live stream {c.Media.Id} is not on air; a party watches a live stream while it is live"
                : $"title {c.Media.Id} is not published; parties watch published titles only"));
        if (c.IdleEndAfter <= TimeSpan.Zero) return Reject(Rejection.Invalid("a party's idle time must be positive"));
        return Persist(new PartyCreated(PartyId, c.HostId, c.Media, c.Control, c.IdleEndAfter, now), now);
    }

    private Decision<IPartyEvent> Invite(InviteToParty c, DateTimeOffset now)
    {
        if (!IsMember(c.ByUserId)) return Reject(Rejection.Forbidden("only members invite to a party"));
        if (Control == PartyControl.HostOnly && c.ByUserId != HostId) return Reject(Rejection.Forbidden("in a host-only party only the host invites"));
        if (c.InviteeId == c.ByUserId) return Reject(Rejection.Invalid("you cannot invite yourself"));
        if (!c.InviterFriendIds.Contains(c.InviteeId)) return Reject(Rejection.Forbidden($"user {c.InviteeId} is not your friend; only friends are invited"));
        if (IsMember(c.InviteeId)) return Reject(Rejection.Conflict($"user {c.InviteeId} is already in the party"));
        if (c.ValidFor < MinInviteValidity || c.ValidFor > MaxInviteValidity)
            return Reject(Rejection.Invalid($"an invite is valid for {MinInviteValidity.TotalMinutes} minute to {MaxInviteValidity.TotalDays} days"));
        if (Invites.Count(i => i.ExpiresAt > now && i.UserId != c.InviteeId) >= MaxOpenInvites)
            return Reject(Rejection.QuotaExceeded($"a party has at most {MaxOpenInvites} open invites"));
        return Persist(new PartyInviteSent(c.InviteeId, c.ByUserId, now + c.ValidFor, now), now);
    }

    private Decision<IPartyEvent> Join(JoinParty c, DateTimeOffset now)
    {
        if (IsMember(c.UserId)) return Decide.Reply<IPartyEvent>(View(now));
        var invite = Invites.Find(i => i.UserId == c.UserId);
        if (invite is null) return Reject(Rejection.NotFound("you have no invite to this party"));
        if (invite.ExpiresAt <= now) return Reject(Rejection.Conflict($"your invite expired at {invite.ExpiresAt:u}"));
        if (!c.FriendIds.Contains(invite.ByUserId))
            return Reject(Rejection.Forbidden($"you are no longer friends with {invite.ByUserId}, who invited you"));
        if (Members.Count >= MaxMembers) return Reject(Rejection.Conflict($"the party is full ({MaxMembers} members)"));
        return Persist(new PartyMemberJoined(c.UserId, now), now);
    }

    private Decision<IPartyEvent> Leave(LeaveParty c, DateTimeOffset now)
    {
        if (!IsMember(c.UserId)) return Reject(Rejection.Forbidden("you are not in this party"));
        var rest = Members.Where(m => m.UserId != c.UserId).ToList();
        if (rest.Count == 0)
            return Persist([new PartyMemberLeft(c.UserId, null, now), new PartyEnded(PartyEndReason.EveryoneLeft, now)], now);
        // The host's successor: the longest-standing member who is here now, else the longest-standing member.
        var newHost = c.UserId != HostId ? null
            : (rest.Where(m => IsOnline(m.UserId)).OrderBy(m => m.JoinedAt).FirstOrDefault() ?? rest.OrderBy(m => m.JoinedAt).First()).UserId;
        return Persist(new PartyMemberLeft(c.UserId, newHost, now), now);
    }

    private Decision<IPartyEvent> ChangePlayback(ControlPlayback c, DateTimeOffset now)
    {
        if (!IsMember(c.UserId)) return Reject(Rejection.Forbidden("you are not in this party"));
        if (Repeated(c.UserId, c.OperationId, now) is { } repeat) return repeat;
        if (Control == PartyControl.HostOnly && c.UserId != HostId) return Reject(Rejection.Forbidden("only the host controls playback in this party"));
        if (c.PositionSeconds is { } p && (!double.IsFinite(p) || p < 0 || p > MaxPositionSeconds))
            return Reject(Rejection.Invalid($"a position is 0 to {MaxPositionSeconds} seconds"));
        if (c.Rate is { } r && (!double.IsFinite(r) || r < MinRate || r > MaxRate))
            return Reject(Rejection.Invalid($"a rate is {MinRate} to {MaxRate}"));
        var position = c.PositionSeconds ?? Playback.PositionAt(now);
        PartyPlaybackChanged? changed = c.Action switch
        {
            PlaybackAction.Play => new(c.UserId, c.Action, true, position, Playback.Rate, now, c.OperationId),
            PlaybackAction.Pause => new(c.UserId, c.Action, false, position, Playback.Rate, now, c.OperationId),
            PlaybackAction.Seek when c.PositionSeconds is not null => new(c.UserId, c.Action, Playback.Playing, position, Playback.Rate, now, c.OperationId),
            PlaybackAction.Rate when c.Rate is { } rate => new(c.UserId, c.Action, Playback.Playing, position, rate, now, c.OperationId),
            _ => null,
        };
        return changed is null
            ? Reject(Rejection.Invalid(c.Action == PlaybackAction.Seek ? "a seek needs a position" : c.Action == PlaybackAction.Rate ? "a rate change needs a rate" : $"unknown action {c.Action}"))
            : Persist(changed, now);
    }

    private Decision<IPartyEvent> PostChat(PostPartyChat c, DateTimeOffset now)
    {
        if (!IsMember(c.UserId)) return Reject(Rejection.Forbidden("you are not in this party"));
        if (Repeated(c.UserId, c.OperationId, now) is { } repeat) return repeat;
        var text = (c.Text ?? "").Trim();
        if (text.Length == 0) return Reject(Rejection.Invalid("a chat line needs text"));
        if (text.Length > MaxChatLength) return Reject(Rejection.Invalid($"a chat line is at most {MaxChatLength} characters"));
        if (Chat.Count(m => m.UserId == c.UserId && m.At > now - ChatWindow) >= ChatLinesPerWindow)
            return Reject(new Rejection(RejectionKind.TooManyRequests, $"at most {ChatLinesPerWindow} chat lines per {ChatWindow.TotalSeconds} s; wait a moment"));
        return Persist(new PartyChatPosted(c.UserId, text, now, c.OperationId), now);
    }

    /// <summary>
    /// A retried call: the party as it is now when the member's operation id was applied already (checked before the
    /// other rules, which may no longer hold: the first attempt passed them). A malformed id is refused; none, no check.
    /// </summary>
    private Decision<IPartyEvent>? Repeated(string userId, string? operationId, DateTimeOffset now)
    {
        if (operationId is null) return null;
        if (operationId.Length is 0 or > MaxOperationIdLength || !operationId.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_'))
            return Reject(Rejection.Invalid($"an operation id is 1 to {MaxOperationIdLength} letters, digits, '-' or '_'"));
        return Applied(userId, operationId) ? Decide.Reply<IPartyEvent>(View(now)) : null;
    }

    private Decision<IPartyEvent> Connect(ConnectToParty c, DateTimeOffset now)
    {
        if (!IsMember(c.UserId)) return Reject(Rejection.Forbidden("only the party's members connect to it"));
        if (string.IsNullOrWhiteSpace(c.ConnectionId)) return Reject(Rejection.Invalid("a connection needs an id"));
        if (Connections.Any(x => x.ConnectionId == c.ConnectionId && x.UserId == c.UserId)) return Decide.Reply<IPartyEvent>(View(now));
        if (Connections.Count(x => x.UserId == c.UserId) >= MaxConnectionsPerMember)
            return Reject(Rejection.Conflict($"at most {MaxConnectionsPerMember} connections per member; close another tab"));
        return Persist(new PartyMemberConnected(c.UserId, c.ConnectionId, c.Node, now), now);
    }

    private Decision<IPartyEvent> DropDead(DropDeadConnections c, DateTimeOffset now)
    {
        var dead = Connections.Where(x => !c.LiveNodes.Contains(x.Node)).ToList();
        return dead.Count == 0
            ? Decide.Reply<IPartyEvent>(NoReply.Instance)
            : Decide.Persist(this, dead.Select(x => (IPartyEvent)new PartyMemberDisconnected(x.UserId, x.ConnectionId, now)).ToList(), _ => NoReply.Instance);
    }

    private Decision<IPartyEvent> Disconnect(DisconnectFromParty c, DateTimeOffset now) =>
        Connections.Any(x => x.ConnectionId == c.ConnectionId && x.UserId == c.UserId)
            ? Persist(new PartyMemberDisconnected(c.UserId, c.ConnectionId, now), now)
            : Decide.Reply<IPartyEvent>(View(now));

    /// <summary>The host's timer: the longest-standing member who is here takes over once the host's grace is up.</summary>
    private Decision<IPartyEvent> HandOver(HandOverFromAwayHost c, DateTimeOffset now)
    {
        if (HostAwayDeadline(c.Grace) is not { } deadline || deadline > now) return Decide.Reply<IPartyEvent>(NoReply.Instance);
        var next = Members.Where(m => m.UserId != HostId && IsOnline(m.UserId)).OrderBy(m => m.JoinedAt).First();
        return Decide.Persist(this, new PartyHostChanged(next.UserId, HostId, now), _ => NoReply.Instance);
    }

    private Decision<IPartyEvent> EndIfIdle(DateTimeOffset now) =>
        IdleDeadline is { } deadline && deadline <= now
            ? Decide.Persist(this, new PartyEnded(PartyEndReason.Idle, now), _ => NoReply.Instance)
            : Decide.Reply<IPartyEvent>(NoReply.Instance);

    private Decision<IPartyEvent> Persist(IPartyEvent @event, DateTimeOffset now) => Decide.Persist(this, @event, s => s.View(now));

    private Decision<IPartyEvent> Persist(IReadOnlyList<IPartyEvent> events, DateTimeOffset now) => Decide.Persist(this, events, s => s.View(now));

    private static Decision<IPartyEvent> Reject(Rejection rejection) => Decide.Reject<IPartyEvent>(rejection);

    /// <summary>The party as its members see it; <paramref name="chatLines"/> limits the chat to the latest lines.</summary>
    public PartyView View(DateTimeOffset now, int chatLines = ChatHistory) => new(PartyId, Version, HostId, Media ?? PartyMedia.Title(""), Control,
        Members.Select(m => new PartyMemberView(m.UserId, IsOnline(m.UserId), m.UserId == HostId, m.JoinedAt)).ToList(),
        Invites.Where(i => i.ExpiresAt > now).ToList(), Playback, Chat.Skip(Math.Max(0, Chat.Count - chatLines)).ToList(),
        Ended, EndReason, now);

    public PartySummary Summary(string userId, DateTimeOffset now) => new(PartyId, Exists, HostId, Media, IsMember(userId),
        Ended ? null : OpenInviteFor(userId, now), Members.Count, Members.Count(m => IsOnline(m.UserId)), Ended, CreatedAt);
}
