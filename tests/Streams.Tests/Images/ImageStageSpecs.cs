using MediaPlatform.Streams.Images;
using MediaPlatform.Testing.Images;
using SkiaSharp;

namespace MediaPlatform.Streams.Tests.Images;

public sealed class ImageStageSpecs
{
    [Fact]
    public void The_detector_finds_the_one_face_in_the_astronaut_portrait()
    {
        using var portrait = Decode(TestImages.Astronaut());
        using var detector = new FaceDetector(FaceDetector.DefaultCascadePath);

        var faces = detector.Detect(portrait);

        var face = Assert.Single(faces);
        // Her face is in the upper middle of the 512x512 photo.
        Assert.InRange(face.X + face.Width / 2, 150, 300);
        Assert.InRange(face.Y + face.Height / 2, 60, 220);
    }

    [Fact]
    public void The_detector_finds_no_face_in_a_pattern()
    {
        using var pattern = TestImages.Pattern(640, 480);
        using var detector = new FaceDetector(FaceDetector.DefaultCascadePath);

        Assert.Empty(detector.Detect(pattern));
    }

    [Fact]
    public void A_cascade_that_is_missing_is_named_as_the_problem() =>
        Assert.Contains("/nowhere/cascade.xml", FaceDetector.ProblemWith("/nowhere/cascade.xml"));

    [Fact]
    public void The_blurred_face_region_differs_from_the_original_and_nothing_outside_it_changes()
    {
        using var portrait = Decode(TestImages.Astronaut());
        using var detector = new FaceDetector(FaceDetector.DefaultCascadePath);
        var face = Assert.Single(detector.Detect(portrait));

        using var blurred = FaceBlur.Apply(portrait, [face]);

        var (inside, outsideChanged) = (0, 0);
        for (var y = 0; y < portrait.Height; y++)
            for (var x = 0; x < portrait.Width; x++)
            {
                var same = portrait.GetPixel(x, y) == blurred.GetPixel(x, y);
                var inFace = x >= face.X && x < face.X + face.Width && y >= face.Y && y < face.Y + face.Height;
                if (inFace && !same) inside++;
                if (!inFace && !same) outsideChanged++;
            }
        Assert.True(inside > face.Width * face.Height / 2, $"only {inside} face pixels changed");
        Assert.Equal(0, outsideChanged);
    }

    [Fact]
    public void Resizing_serves_each_width_up_to_the_image_in_webp_and_jpeg()
    {
        using var image = TestImages.Pattern(800, 400);

        var variants = ImageResizer.Variants(image, ImageResizer.DefaultWidths);

        Assert.Equal(["w160.webp", "w160.jpg", "w320.webp", "w320.jpg", "w640.webp", "w640.jpg"], variants.Select(v => v.Name));
        var jpeg = variants.Single(v => v.Name == "w320.jpg");
        using var decoded = SKBitmap.Decode(jpeg.Bytes);
        Assert.Equal((320, 160), (decoded.Width, decoded.Height));
        Assert.Equal("RIFF", System.Text.Encoding.ASCII.GetString(variants[0].Bytes, 0, 4));
    }

    [Fact]
    public void A_small_image_is_served_at_its_own_width()
    {
        using var image = TestImages.Pattern(100, 50);

        Assert.Equal(["w100.webp", "w100.jpg"], ImageResizer.Variants(image, ImageResizer.DefaultWidths).Select(v => v.Name));
    }

    [Fact]
    public void Tags_class_a_dark_flat_image_and_a_bright_one()
    {
        using var dark = Solid(new SKColor(10, 12, 30));
        using var bright = Solid(new SKColor(250, 250, 240));

        var darkTags = ImageTagger.Tag(dark);
        var brightTags = ImageTagger.Tag(bright);

        Assert.Equal(("dark", "low", false), (darkTags.Brightness, darkTags.Contrast, darkTags.MostlyText));
        Assert.Equal("bright", brightTags.Brightness);
        Assert.Equal("#0a0c1e", darkTags.DominantColours[0]);
    }

    [Fact]
    public void Lines_of_text_count_as_mostly_text_and_a_photo_does_not()
    {
        using var text = new SKBitmap(new SKImageInfo(400, 300));
        using (var canvas = new SKCanvas(text))
        {
            canvas.Clear(SKColors.White);
            using var font = new SKFont(SKTypeface.Default, 14);
            using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
            for (var line = 0; line < 18; line++)
                canvas.DrawText("The quick brown fox jumps over the lazy dog 0123456789", 4, 16 + line * 16, SKTextAlign.Left, font, ink);
        }
        using var photo = Decode(TestImages.Astronaut());

        Assert.True(ImageTagger.Tag(text).MostlyText, $"edge density {ImageTagger.Tag(text).EdgeDensity}");
        Assert.False(ImageTagger.Tag(photo).MostlyText, $"edge density {ImageTagger.Tag(photo).EdgeDensity}");
    }

    [Fact]
    public void A_resized_reencoded_copy_is_a_near_duplicate_and_another_image_is_not()
    {
        using var portrait = Decode(TestImages.Astronaut());
        using var smaller = Decode(ImageResizer.Variants(portrait, [160]).Single(v => v.Name.EndsWith(".jpg")).Bytes);
        using var other = TestImages.Pattern(512, 512);

        var original = PerceptualHash.Of(portrait);

        Assert.InRange(PerceptualHash.Distance(original, PerceptualHash.Of(smaller)), 0, PerceptualHash.NearDuplicateDistance);
        Assert.True(PerceptualHash.Distance(original, PerceptualHash.Of(other)) > PerceptualHash.NearDuplicateDistance);
    }

    private static SKBitmap Solid(SKColor colour)
    {
        var bitmap = new SKBitmap(new SKImageInfo(200, 100, SKColorType.Rgba8888, SKAlphaType.Premul));
        bitmap.Erase(colour);
        return bitmap;
    }

    private static SKBitmap Decode(byte[] bytes) =>
        Assert.IsType<DecodeOutcome.Decoded>(ImageDecoder.Decode(bytes, ImageLimits.Default)).Bitmap;
}
