using Akka.Actor;
using MediaPlatform.Actors.Storage;
using MediaPlatform.Actors.Titles;
using MediaPlatform.Actors.Titles.Pipeline;
using MediaPlatform.Node.Hosting;
using MediaPlatform.Testing.Nodes;

namespace MediaPlatform.Specs.Work.Support;

/// <summary>The title side of the in-process pipeline specs: what the upload route does, and reading a title back.</summary>
public static class TitleUploads
{
    /// <summary>What the upload route does: store the source, tell the title, start its pipeline.</summary>
    public static async Task UploadAsync(NodeActorHost via, string titleId, string uploadId, string source, string name)
    {
        var titles = via.Registered<EntityRegions.Titles>();
        var key = TitleBlobKeys.Source(titleId, uploadId);
        var store = new DirectoryBlobStore(via.Options.BlobDirectory);
        await using (var content = File.OpenRead(source)) await store.WriteAsync(key, content);
        Assert.IsType<TitleView>(await titles.Ask<object>(new CreateTitle(titleId, "owner-1", name, ""), TimeSpan.FromSeconds(10)));
        Assert.IsType<TitleView>(await titles.Ask<object>(new RecordSourceUploaded(titleId, uploadId, key, new FileInfo(source).Length, "upload.mp4"), TimeSpan.FromSeconds(10)));
        Assert.IsType<DrivingTitle>(await via.Registered<EntityRegions.Pipelines>().Ask<object>(new DriveTitle(titleId), TimeSpan.FromSeconds(10)));
    }

    /// <summary>The title as its entity sees it; null while the entity does not answer (its node just died).</summary>
    public static async Task<TitleView?> TitleAsync(NodeActorHost via, string titleId)
    {
        try { return await via.Registered<EntityRegions.Titles>().Ask<object>(new GetTitle(titleId), TimeSpan.FromSeconds(5)) as TitleView; }
        catch (AskTimeoutException) { return null; }
    }
}
