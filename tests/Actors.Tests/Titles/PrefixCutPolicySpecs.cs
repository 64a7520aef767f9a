using MediaPlatform.Actors.Titles.Pipeline;

namespace MediaPlatform.Actors.Tests.Titles;

/// <summary>When a rung's encoded prefix is cut into early segments again: not after every chunk (each cut copies the whole prefix).</summary>
public sealed class PrefixCutPolicySpecs
{
    [Fact]
    public void The_first_encoded_chunk_must_be_cut_at_once()
    {
        Assert.True(PrefixCutPolicy.ShouldCut(cutChunks: 0, prefixChunks: 1, totalChunks: 15));
        Assert.False(PrefixCutPolicy.ShouldCut(cutChunks: 0, prefixChunks: 0, totalChunks: 15));
    }

    [Fact]
    public void A_prefix_grown_by_one_chunk_must_wait_for_the_next_one()
    {
        Assert.False(PrefixCutPolicy.ShouldCut(cutChunks: 1, prefixChunks: 2, totalChunks: 15));
        Assert.True(PrefixCutPolicy.ShouldCut(cutChunks: 1, prefixChunks: 3, totalChunks: 15));
        Assert.False(PrefixCutPolicy.ShouldCut(cutChunks: 3, prefixChunks: 3, totalChunks: 15));
    }

    [Fact]
    public void The_whole_rung_must_be_cut_even_one_chunk_after_the_last_cut()
    {
        Assert.True(PrefixCutPolicy.ShouldCut(cutChunks: 14, prefixChunks: 15, totalChunks: 15));
        Assert.False(PrefixCutPolicy.ShouldCut(cutChunks: 15, prefixChunks: 15, totalChunks: 15));
    }

    [Fact]
    public void A_rung_encoded_in_order_must_be_cut_about_half_as_often_as_it_has_chunks()
    {
        var cuts = 0;
        for (int encoded = 1, cut = 0; encoded <= 15; encoded++)
            if (PrefixCutPolicy.ShouldCut(cut, encoded, 15)) { cuts++; cut = encoded; }
        Assert.Equal(8, cuts); // 1, 3, 5 … 15
    }
}
