namespace MediaPlatform.Actors.Projections.Catalog;

/// <summary>
/// Full-text search over the catalog read model, ranked exact title match &gt; title words &gt; description &gt;
/// dialogue (then by name), with the matching cues of each title. One implementation per database:
/// <see cref="SqliteCatalogSearch"/> (FTS5) and <see cref="PostgresCatalogSearch"/> (tsvector + GIN).
/// </summary>
public interface ICatalogSearch
{
    Task<CatalogSearchPage> SearchAsync(CatalogSearchQuery query, CancellationToken cancellationToken);
}
