using MediaPlatform.Actors.Projections.Catalog;
using MediaPlatform.Actors.Projections.Semantic;

namespace MediaPlatform.Actors.Tests.Projections.Semantic;

/// <summary>How dialogue is cut into embedded windows, and how vectors are stored: pure functions, no model.</summary>
public sealed class DialogueWindowsSpecs
{
    [Fact]
    public void Cues_make_windows_of_the_configured_size_starting_at_their_first_cue()
    {
        var cues = Enumerable.Range(0, 10).Select(i => new IndexedCue(TimeSpan.FromSeconds(i * 10), TimeSpan.FromSeconds(i * 10 + 2), $"line {i}")).ToList();

        var windows = DialogueWindows.From(cues, 4);

        Assert.Equal([TimeSpan.Zero, TimeSpan.FromSeconds(40), TimeSpan.FromSeconds(80)], windows.Select(w => w.Start));
        Assert.Equal("line 0 line 1 line 2 line 3", windows[0].Text);
        Assert.Equal("line 8 line 9", windows[2].Text);
    }

    [Fact]
    public void A_very_long_track_gets_wider_windows_so_it_never_costs_more_than_the_maximum()
    {
        var cues = Enumerable.Range(0, 5000).Select(i => new IndexedCue(TimeSpan.FromSeconds(i), TimeSpan.FromSeconds(i + 1), new string('x', 400))).ToList();

        var windows = DialogueWindows.From(cues, 4);

        Assert.Equal(DialogueWindows.MaxWindowsPerTrack, windows.Count);
        Assert.All(windows, w => Assert.True(w.Text.Length <= DialogueWindows.MaxWindowChars));
        Assert.Empty(DialogueWindows.From([], 4));
    }

    [Fact]
    public void A_vector_round_trips_through_its_stored_bytes_and_a_torn_blob_is_refused()
    {
        float[] vector = [0.5f, -1.25f, float.Epsilon, 3.0e-7f];

        var bytes = VectorBlob.ToBytes(vector);

        Assert.Equal(16, bytes.Length);
        Assert.Equal(vector, VectorBlob.FromBytes(bytes));
        Assert.Throws<FormatException>(() => VectorBlob.FromBytes(bytes[..7]));
    }
}
