namespace MediaPlatform.Actors.Images;

// Local questions to a node's image catalog (asked by that node's routes; never sent between nodes).

/// <summary>Complete images carrying <see cref="Tag"/>, newest first, at most <see cref="Limit"/>.</summary>
public sealed record FindImagesByTag(string Tag, int Limit);

/// <summary>Complete images whose perceptual hash is within <see cref="MaxDistance"/> bits of the image's, nearest first.</summary>
public sealed record FindSimilarImages(string ImageId, int MaxDistance, int Limit);

/// <summary>One image in a search answer; <see cref="Distance"/> is set for near-duplicate searches.</summary>
public sealed record ImageSummary(string ImageId, ImageKind Kind, string SubjectId, IReadOnlyList<string> Tags, int? Distance);

/// <summary>The answer; <see cref="Known"/> is false when a similar-search names an image the catalog has no hash for.</summary>
public sealed record ImageSearchResult(IReadOnlyList<ImageSummary> Images, bool Known = true);

/// <summary>The frames of a title (images of kind frame whose subject is the title), in time order, at most <see cref="Limit"/>.</summary>
public sealed record FindTitleFrames(string TitleId, int Limit);

/// <summary>One frame of a title: its image, its time in the title (seconds), where its pipeline is and its tags.</summary>
public sealed record TitleFrame(string ImageId, double Seconds, ImageStatus Status, IReadOnlyList<string> Tags, int? Faces, string? Hash);

public sealed record TitleFramesResult(IReadOnlyList<TitleFrame> Frames);
