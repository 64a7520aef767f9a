namespace MediaPlatform.Actors.Projections.Catalog;

/// <summary>
/// PostgreSQL: plainto_tsquery('simple', words) against the generated tsvector columns (GIN-indexed). plainto_tsquery
/// reads plain text, never operators, and the words are already only letters and digits.
/// </summary>
public sealed class PostgresCatalogSearch(ReadModelSchema schema) : SqlCatalogSearch(schema)
{
    protected override string NameHits => "SELECT title_id FROM catalog_titles WHERE name_tsv @@ plainto_tsquery('simple', @words)";

    protected override string DescriptionHits => "SELECT title_id FROM catalog_titles WHERE description_tsv @@ plainto_tsquery('simple', @words)";

    protected override string CueHits => "SELECT title_id, cue_id FROM catalog_cues WHERE text_tsv @@ plainto_tsquery('simple', @words)";

    protected override string NameKeyOrder => "t.name_key COLLATE \"C\"";

    protected override IEnumerable<(string Name, object? Value)> MatchParameters(IReadOnlyList<string> words)
    {
        yield return ("words", string.Join(' ', words));
    }
}
