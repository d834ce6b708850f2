using System.Text;
using MelanoGans.Shared.Datasets;
using MelanoGans.Shared.Imaging;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.PixelFormats;

namespace MelanoGans.Shared.Tests.Imaging;

public class ImageCodecTests
{
    [Fact]
    public void Png_round_trip_keeps_every_pixel()
    {
        var image = PhantomRenderer.Render(LesionClass.Melanoma, 8, 64);
        var decoded = ImageCodec.Decode(ImageCodec.EncodePng(image));
        Assert.Equal(64, decoded.Width);
        Assert.Equal(image.Pixels, decoded.Pixels);
    }

    [Fact]
    public void Encoded_png_has_no_ancillary_chunks_and_is_reproducible()
    {
        var image = PhantomRenderer.Render(LesionClass.Nevus, 8, 32);
        var png = ImageCodec.EncodePng(image);
        Assert.Equal(png, ImageCodec.EncodePng(image));
        Assert.All(TestImages.ChunkTypes(png), t => Assert.Contains(t, new[] { "IHDR", "IDAT", "IEND" }));
    }

    [Fact]
    public void Normalise_strips_metadata_crops_the_centre_and_resizes()
    {
        // 90 x 30: a red left third, green middle third, blue right third, plus a text chunk.
        using var source = new Image<Rgb24>(90, 30);
        for (var y = 0; y < 30; y++)
        {
            for (var x = 0; x < 90; x++)
            {
                source[x, y] = x < 30 ? new Rgb24(255, 0, 0) : x < 60 ? new Rgb24(0, 255, 0) : new Rgb24(0, 0, 255);
            }
        }

        source.Metadata.GetPngMetadata().TextData.Add(new PngTextData("Comment", "patient name", string.Empty, string.Empty));
        using var stream = new MemoryStream();
        source.SaveAsPng(stream);
        Assert.Contains("tEXt", TestImages.ChunkTypes(stream.ToArray()));

        var result = ImageCodec.Normalise(stream.ToArray(), 16);

        Assert.Equal((90, 30, 16, "PNG"), (result.SourceWidth, result.SourceHeight, result.Resolution, result.SourceFormat));
        Assert.DoesNotContain("tEXt", TestImages.ChunkTypes(result.Png));
        Assert.Equal(ContentAddress.Sha256Hex(result.Png), result.Sha256);
        var pixels = ImageCodec.Decode(result.Png);
        Assert.Equal(16, pixels.Width);
        Assert.Equal(16, pixels.Height);
        // Only the green middle square survives the crop.
        Assert.All(Enumerable.Range(0, 16 * 16), i =>
        {
            Assert.True(pixels.Pixels[i * 3 + 1] > 200 && pixels.Pixels[i * 3] < 40 && pixels.Pixels[i * 3 + 2] < 40);
        });
    }

    [Fact]
    public void Jpeg_is_decoded_and_normalised()
    {
        using var source = Image.LoadPixelData<Rgb24>(PhantomRenderer.Render(LesionClass.Nevus, 2, 64).Pixels, 64, 64);
        using var stream = new MemoryStream();
        source.SaveAsJpeg(stream);

        var result = ImageCodec.Normalise(stream.ToArray(), 32);

        Assert.Equal("JPEG", result.SourceFormat);
        Assert.Equal(32, ImageCodec.Decode(result.Png).Width);
    }

    [Fact]
    public void Centre_crop_resize_of_a_square_image_at_its_own_size_is_the_identity()
    {
        var image = PhantomRenderer.Render(LesionClass.Melanoma, 1, 48);
        Assert.Equal(image.Pixels, ImageCodec.CentreCropResize(image, 48).Pixels);
    }

    [Fact]
    public void Corrupt_jpeg_throws_image_decode_exception()
    {
        byte[] data = [0xFF, 0xD8, 0xFF, 0xE0, .. Encoding.ASCII.GetBytes("this is not really a jpeg at all, just text")];
        var ex = Assert.Throws<ImageDecodeException>(() => ImageCodec.Decode(data));
        Assert.Contains("JPEG", ex.Message);
    }

    [Fact]
    public void Truncated_png_throws_image_decode_exception()
    {
        var png = ImageCodec.EncodePng(PhantomRenderer.Render(LesionClass.Nevus, 3, 64));
        Assert.Throws<ImageDecodeException>(() => ImageCodec.Decode(png.AsSpan(0, png.Length / 2)));
    }

    [Fact]
    public void Non_image_file_throws_image_decode_exception()
    {
        var ex = Assert.Throws<ImageDecodeException>(() => ImageCodec.Decode(Encoding.UTF8.GetBytes("image_id,melanoma\nISIC_1,0\n")));
        Assert.Contains("not a PNG or JPEG", ex.Message);
        Assert.Throws<ImageDecodeException>(() => ImageCodec.Decode([]));
    }

    [Fact]
    public void Other_formats_are_not_decoded()
    {
        using var source = new Image<Rgb24>(8, 8);
        using var stream = new MemoryStream();
        source.SaveAsBmp(stream);
        Assert.Throws<ImageDecodeException>(() => ImageCodec.Decode(stream.ToArray()));
    }

    [Theory]
    [InlineData(10_000u, 10_000u)]
    [InlineData(100_000u, 1u)]
    [InlineData(65_535u, 65_535u)]
    public void Png_bomb_is_refused_by_its_declared_size(uint width, uint height)
    {
        var ex = Assert.Throws<ImageDecodeException>(() => ImageCodec.Decode(TestImages.PngDeclaring(width, height)));
        Assert.Contains("above the limit", ex.Message);
        Assert.Contains($"{width}x{height}", ex.Message);
    }

    [Fact]
    public void Custom_limits_apply_to_pixels_and_bytes()
    {
        var png = ImageCodec.EncodePng(PhantomRenderer.Render(LesionClass.Nevus, 3, 64));
        Assert.Throws<ImageDecodeException>(() => ImageCodec.Decode(png, new ImageDecodeLimits { MaxPixels = 64 * 63 }));
        Assert.Throws<ImageDecodeException>(() => ImageCodec.Decode(png, new ImageDecodeLimits { MaxBytes = png.Length - 1 }));
        Assert.Equal(64, ImageCodec.Decode(png, new ImageDecodeLimits { MaxPixels = 64 * 64, MaxBytes = png.Length }).Width);
    }

    [Fact]
    public void Files_are_read_within_the_byte_limit()
    {
        var path = Path.Combine(Path.GetTempPath(), $"codec-{Guid.NewGuid():N}.png");
        try
        {
            File.WriteAllBytes(path, ImageCodec.EncodePng(PhantomRenderer.Render(LesionClass.Nevus, 3, 32)));
            Assert.Equal(32, ImageCodec.DecodeFile(path).Width);
            Assert.Equal(32, ImageCodec.NormaliseFile(path, 32).Resolution);
            Assert.Throws<ImageDecodeException>(() => ImageCodec.DecodeFile(path, new ImageDecodeLimits { MaxBytes = 10 }));
            Assert.Throws<ImageDecodeException>(() => ImageCodec.DecodeFile(path + ".missing"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Content_address_is_lower_case_sha256()
    {
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", ContentAddress.Sha256Hex("abc"u8));
        Assert.True(ContentAddress.IsSha256Hex(ContentAddress.Sha256Hex("abc"u8)));
        Assert.False(ContentAddress.IsSha256Hex("../etc/passwd"));
        Assert.False(ContentAddress.IsSha256Hex("BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD"));
    }
}
