using MediaPlatform.Actors.Serialization;

namespace MediaPlatform.Actors.Tests.Serialization;

/// <summary>
/// <see cref="MediaPlatform.Actors.Users.UserProfileUpdated"/> as the next version of the node would declare it: the
/// same manifest, one field added the way fields are added (optional, with a default). Registered only in the
/// next version's serializer of <see cref="VersionSkewSpecs"/>: not an <see cref="IProtocolMessage"/>, so the
/// assembly walks that register this test assembly's sample types never meet its borrowed manifest.
/// </summary>
[Manifest("user.profile-updated.v1")]
public sealed record NextVersionProfileUpdated(string DisplayName, DateTimeOffset At, string? Pronouns = null);
