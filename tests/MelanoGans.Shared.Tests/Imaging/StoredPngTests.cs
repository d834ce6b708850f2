using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using MelanoGans.Shared.Imaging;
using MelanoGans.Shared.Datasets;

namespace MelanoGans.Shared.Tests.Imaging;

/// <summary>The fixed-length PNG of study images: decodable, lossless, and the same length whatever the pixels.</summary>
public sealed class StoredPngTests
{
    private static RgbImage Noise(int size, ulong seed)
    {
        var random = new Random((int)seed);
        var pixels = new byte[size * size * 3];
        random.NextBytes(pixels);
        return new RgbImage(size, size, pixels);
    }

    private static RgbImage Flat(int size, byte value) => new(size, size, Enumerable.Repeat(value, size * size * 3).ToArray());

    [Theory]
    [InlineData(32)]
    [InlineData(48)]
    [InlineData(256)] // 197,376 bytes of scanlines: several stored blocks
    public void ImageSharp_decodes_it_to_the_same_pixels(int size)
    {
        foreach (var image in new[] { Noise(size, 1), Flat(size, 0), PhantomRenderer.Render(LesionClass.Melanoma, 3, size) })
        {
            var decoded = ImageCodec.Decode(StoredPng.Encode(image));
            Assert.Equal((size, size), (decoded.Width, decoded.Height));
            Assert.Equal(image.Pixels, decoded.Pixels);
        }
    }

    [Fact]
    public void Very_different_images_of_one_size_have_exactly_the_same_length()
    {
        RgbImage[] images =
        [
            Flat(64, 0), Flat(64, 255), Noise(64, 7), Noise(64, 8),
            PhantomRenderer.Render(LesionClass.Nevus, 1, 64), PhantomRenderer.Render(LesionClass.Melanoma, 2, 64),
        ];
        var lengths = images.Select(i => (long)StoredPng.Encode(i).Length).Distinct().ToList();
        Assert.Equal([StoredPng.EncodedLength(64, 64)], lengths);
        // The compressed encoder they replace tells a flat image from noise by length alone.
        Assert.NotEqual(ImageCodec.EncodePng(images[0]).Length, ImageCodec.EncodePng(images[2]).Length);
    }

    [Fact]
    public void The_file_is_IHDR_one_IDAT_of_stored_blocks_and_IEND_with_valid_CRCs_and_no_metadata()
    {
        var png = StoredPng.Encode(Noise(200, 3));
        var chunks = new List<string>();
        var at = 8;
        byte[] idat = [];
        while (at < png.Length)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            var type = Encoding.ASCII.GetString(png, at + 4, 4);
            var crc = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(at + 8 + length));
            Assert.Equal(StoredPng.Crc32(png.AsSpan(at + 4, 4 + length)), crc);
            if (type == "IDAT") idat = png.AsSpan(at + 8, length).ToArray();
            chunks.Add(type);
            at += 12 + length;
        }
        Assert.Equal(["IHDR", "IDAT", "IEND"], chunks);
        Assert.Equal(0, ((idat[0] << 8) | idat[1]) % 31); // a valid zlib header
        Assert.Equal(0, idat[2] & 0b110); // the first deflate block is stored (BTYPE = 00)
        // .NET's own zlib reads the stream back, Adler-32 included.
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(new MemoryStream(idat), CompressionMode.Decompress)) zlib.CopyTo(inflated);
        Assert.Equal(200 * (1 + 200 * 3), inflated.Length);
    }

    [Fact]
    public void Crc32_is_the_PNG_and_zlib_polynomial() =>
        Assert.Equal(0xCBF43926u, StoredPng.Crc32("123456789"u8));
}
