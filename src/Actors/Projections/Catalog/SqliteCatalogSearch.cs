namespace MediaPlatform.Actors.Projections.Catalog;

/// <summary>
/// FTS5: every word becomes a quoted phrase ("storm" AND "sea"), so nothing in a query is ever FTS syntax (the words
/// hold only letters and digits anyway); a column filter keeps name and description matches apart.
/// </summary>
public sealed class SqliteCatalogSearch(ReadModelSchema schema) : SqlCatalogSearch(schema)
{
    protected override string NameHits =>
        "SELECT t.title_id FROM catalog_titles_fts JOIN catalog_titles t ON t.doc_id = catalog_titles_fts.rowid WHERE catalog_titles_fts MATCH @name_match";

    protected override string DescriptionHits =>
        "SELECT t.title_id FROM catalog_titles_fts JOIN catalog_titles t ON t.doc_id = catalog_titles_fts.rowid WHERE catalog_titles_fts MATCH @description_match";

    protected override string CueHits =>
        "SELECT k.title_id, k.cue_id FROM catalog_cues_fts JOIN catalog_cues k ON k.cue_id = catalog_cues_fts.rowid WHERE catalog_cues_fts MATCH @cue_match";

    protected override string NameKeyOrder => "t.name_key";

    protected override IEnumerable<(string Name, object? Value)> MatchParameters(IReadOnlyList<string> words)
    {
        var all = string.Join(" AND ", words.Select(w => $"\"{w.Replace("\"", "\"\"")}\""));
        yield return ("name_match", $"{{name}} : ({all})");
        yield return ("description_match", $"{{description}} : ({all})");
        yield return ("cue_match", all);
    }
}
