using System.Security.Cryptography;
using System.Text;

namespace MediaPlatform.Actors.Images;

/// <summary>
/// The ids the platform gives images: an upload's is random ("img-…"); a title frame's is derived from the title and
/// the frame's time ("frm-…"), so handing the same frames over again names the same images (and stores nothing new).
/// The prefix is also what the stage queues order by: uploads before frames.
/// </summary>
public static class ImageIds
{
    private const string FramePrefix = "frm-";

    public static string Upload() => "img-" + Guid.NewGuid().ToString("N");

    /// <summary>32 hex digits of a hash of the title id and the frame's millisecond: fits any id limit whatever the title id's length.</summary>
    public static string Frame(string titleId, TimeSpan at)
    {
        var key = $"{titleId}/{(long)Math.Round(at.TotalMilliseconds)}";
        return FramePrefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..32];
    }

    /// <summary>A title frame's image: background work, offered after every upload's.</summary>
    public static bool IsFrame(string imageId) => imageId.StartsWith(FramePrefix, StringComparison.Ordinal);
}
