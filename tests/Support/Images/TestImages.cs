using SkiaSharp;

namespace MediaPlatform.Testing.Images;

/// <summary>Images for the image pipeline's specs and bench: the shipped portrait and generated ones.</summary>
public static class TestImages
{
    /// <summary>The public-domain NASA portrait (one face), 512x512 JPEG; see Images/PROVENANCE.md.</summary>
    public static byte[] Astronaut() => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Images", "astronaut.jpg"));

    /// <summary>A 32x16 CMYK JPEG: left half was rgb(220,30,30), right half rgb(30,60,200) (see Images/PROVENANCE.md).</summary>
    public static byte[] CmykJpeg() => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Images", "two-colours-cmyk.jpg"));

    /// <summary>A gradient with a few shapes, so encodings and hashes have something to see; <paramref name="seed"/> varies it.</summary>
    public static SKBitmap Pattern(int width, int height, int seed = 0)
    {
        var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using var canvas = new SKCanvas(bitmap);
        using var gradient = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(width, height),
            [new SKColor((byte)(40 + seed * 37 % 200), 90, 160), new SKColor(230, (byte)(200 - seed * 23 % 150), 60)], SKShaderTileMode.Clamp);
        using var fill = new SKPaint { Shader = gradient };
        canvas.DrawRect(0, 0, width, height, fill);
        using var shape = new SKPaint { Color = new SKColor(20, 20, 20), IsAntialias = true };
        canvas.DrawCircle(width * (0.3f + seed % 5 * 0.1f), height * 0.5f, Math.Min(width, height) * 0.2f, shape);
        return bitmap;
    }

    public static byte[] Encode(SKBitmap bitmap, SKEncodedImageFormat format, int quality = 90)
    {
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, quality);
        return data.ToArray();
    }

    public static byte[] PatternJpeg(int width, int height, int seed = 0)
    {
        using var bitmap = Pattern(width, height, seed);
        return Encode(bitmap, SKEncodedImageFormat.Jpeg);
    }

    public static byte[] PatternPng(int width, int height, int seed = 0)
    {
        using var bitmap = Pattern(width, height, seed);
        return Encode(bitmap, SKEncodedImageFormat.Png);
    }
}
