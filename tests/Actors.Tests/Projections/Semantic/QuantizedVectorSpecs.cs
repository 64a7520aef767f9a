using MediaPlatform.Actors.Projections.Semantic;

namespace MediaPlatform.Actors.Tests.Projections.Semantic;

/// <summary>Vectors held as int8 with a scale: the cosine against a float32 query stays within rounding of float32's.</summary>
public sealed class QuantizedVectorSpecs
{
    [Fact]
    public void Cosine_of_unit_vectors_is_their_dot_product_and_another_model_s_vector_never_matches()
    {
        var a = Enumerable.Range(0, 384).Select(i => i % 2 == 0 ? 1f / MathF.Sqrt(384) : -1f / MathF.Sqrt(384)).ToArray();

        Assert.Equal(1f, QuantizedVector.From(a).Dot(a), 3);
        Assert.Equal(-1f, QuantizedVector.From(a.Select(x => -x).ToArray()).Dot(a), 3);
        Assert.Equal(float.NegativeInfinity, QuantizedVector.From([1f, 0f]).Dot(a));
    }

    [Theory]
    [InlineData(384)]
    [InlineData(391)] // not a whole number of SIMD blocks: the tail is summed one by one
    public void The_quantised_cosine_is_within_a_hundredth_of_the_float_one_and_a_quarter_of_its_size(int dimensions)
    {
        var random = new Random(7);
        for (var pair = 0; pair < 200; pair++)
        {
            var (stored, query) = (Unit(random, dimensions), Unit(random, dimensions));
            var exact = stored.Zip(query, (x, y) => (double)x * y).Sum();

            var quantised = QuantizedVector.From(stored);

            Assert.InRange(quantised.Dot(query), exact - 0.01, exact + 0.01);
            Assert.Equal(dimensions, quantised.Values.Length);
        }
    }

    [Fact]
    public void A_zero_vector_or_one_with_a_non_finite_value_quantises_without_failing()
    {
        Assert.Equal(0f, QuantizedVector.From(new float[8]).Dot(new float[8]));
        Assert.Equal(1f, QuantizedVector.From([float.NaN, 1f]).Dot([0f, 1f]), 3);
    }

    private static float[] Unit(Random random, int dimensions)
    {
        var v = Enumerable.Range(0, dimensions).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        var norm = MathF.Sqrt(v.Sum(x => x * x));
        return v.Select(x => x / norm).ToArray();
    }
}
