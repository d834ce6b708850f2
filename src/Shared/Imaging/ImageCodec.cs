using System.Runtime.InteropServices;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Memory;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace MelanoGans.Shared.Imaging;

/// <summary>
/// The image codec rules of the product: safe decoding of untrusted PNG and JPEG files, centre crop to a
/// square, bicubic resize, and PNG encoding without metadata.
/// </summary>
/// <remarks>
/// Only the PNG and JPEG decoders are registered: every other format ImageSharp knows is attack surface we
/// do not need. Dimensions are read from the header and checked against <see cref="ImageDecodeLimits"/>
/// before any pixel buffer is allocated, and the allocator refuses oversized buffers as a second guard.
/// </remarks>
public static class ImageCodec
{
    private static readonly Configuration DefaultConfiguration = CreateConfiguration(ImageDecodeLimits.Default);

    // No ancillary chunks: no time stamps, text, gamma or physical size, so identical pixels give identical bytes
    // and nothing in the file tells a rater where an image came from.
    private static readonly PngEncoder Encoder = new()
    {
        ColorType = PngColorType.Rgb,
        BitDepth = PngBitDepth.Bit8,
        ChunkFilter = PngChunkFilter.ExcludeAll,
        IgnoreMetadata = true,
        // Level 3 encodes phantoms about twice as fast as the default level 6 for ~4% larger files.
        CompressionLevel = PngCompressionLevel.Level3,
    };

    /// <summary>Decodes a PNG or JPEG file into 8-bit RGB.</summary>
    /// <exception cref="ImageDecodeException">The file is corrupt, not PNG/JPEG, or over the limits.</exception>
    public static RgbImage Decode(ReadOnlySpan<byte> data, ImageDecodeLimits? limits = null)
    {
        using var image = DecodeImage(data, limits ?? ImageDecodeLimits.Default, out _);
        return ToRgbImage(image);
    }

    /// <summary>Reads <paramref name="path"/> and decodes it; see <see cref="Decode(ReadOnlySpan{byte}, ImageDecodeLimits?)"/>.</summary>
    /// <exception cref="ImageDecodeException">The file is corrupt, not PNG/JPEG, or over the limits.</exception>
    public static RgbImage DecodeFile(string path, ImageDecodeLimits? limits = null)
    {
        var effective = limits ?? ImageDecodeLimits.Default;
        return Decode(ReadFile(path, effective), effective);
    }

    /// <summary>
    /// Applies all import rules to one file's bytes: decode, centre crop, resize to
    /// <paramref name="resolution"/>, encode as PNG without metadata, hash.
    /// </summary>
    /// <exception cref="ImageDecodeException">The file is corrupt, not PNG/JPEG, or over the limits.</exception>
    public static NormalisedImage Normalise(ReadOnlySpan<byte> data, int resolution, ImageDecodeLimits? limits = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(resolution);
        using var image = DecodeImage(data, limits ?? ImageDecodeLimits.Default, out var format);
        var (width, height) = (image.Width, image.Height);
        CropResizeInPlace(image, resolution);
        var png = EncodePng(ToRgbImage(image));
        return new NormalisedImage(png, ContentAddress.Sha256Hex(png), resolution, width, height, format);
    }

    /// <summary>Reads <paramref name="path"/> within the byte limit and normalises it; see <see cref="Normalise(ReadOnlySpan{byte}, int, ImageDecodeLimits?)"/>.</summary>
    /// <exception cref="ImageDecodeException">The file is corrupt, not PNG/JPEG, or over the limits.</exception>
    public static NormalisedImage NormaliseFile(string path, int resolution, ImageDecodeLimits? limits = null)
    {
        var effective = limits ?? ImageDecodeLimits.Default;
        return Normalise(ReadFile(path, effective), resolution, effective);
    }

    /// <summary>The largest centred square of <paramref name="image"/>, resized (bicubic) to <paramref name="resolution"/>.</summary>
    public static RgbImage CentreCropResize(RgbImage image, int resolution)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(resolution);
        using var working = Image.LoadPixelData<Rgb24>(DefaultConfiguration, image.Pixels, image.Width, image.Height);
        CropResizeInPlace(working, resolution);
        return ToRgbImage(working);
    }

    /// <summary>Encodes <paramref name="image"/> as an 8-bit RGB PNG with no ancillary chunks.</summary>
    public static byte[] EncodePng(RgbImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        // A fresh image carries no metadata from any source file.
        using var fresh = Image.LoadPixelData<Rgb24>(DefaultConfiguration, image.Pixels, image.Width, image.Height);
        using var output = new MemoryStream();
        fresh.Save(output, Encoder);
        return output.ToArray();
    }

    /// <summary>Reads a file, refusing it before reading if it is larger than the byte limit.</summary>
    /// <exception cref="ImageDecodeException">The file is too large or cannot be read.</exception>
    public static byte[] ReadFile(string path, ImageDecodeLimits? limits = null)
    {
        var maxBytes = (limits ?? ImageDecodeLimits.Default).MaxBytes;
        try
        {
            var length = new FileInfo(path).Length;
            if (length > maxBytes)
            {
                throw new ImageDecodeException($"file is {length} bytes, above the limit of {maxBytes} bytes");
            }

            return File.ReadAllBytes(path);
        }
        catch (IOException ex)
        {
            throw new ImageDecodeException($"cannot read file: {ex.Message}", ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new ImageDecodeException($"cannot read file: {ex.Message}", ex);
        }
    }

    private static Image<Rgb24> DecodeImage(ReadOnlySpan<byte> data, ImageDecodeLimits limits, out string formatName)
    {
        ArgumentNullException.ThrowIfNull(limits);
        if (data.Length == 0)
        {
            throw new ImageDecodeException("file is empty");
        }

        if (data.Length > limits.MaxBytes)
        {
            throw new ImageDecodeException($"file is {data.Length} bytes, above the limit of {limits.MaxBytes} bytes");
        }

        var configuration = ReferenceEquals(limits, ImageDecodeLimits.Default) ? DefaultConfiguration : CreateConfiguration(limits);
        var format = Image.DetectFormat(configuration, data)
            ?? throw new ImageDecodeException("not a PNG or JPEG image");
        formatName = format.Name;
        var bytes = data.ToArray();
        try
        {
            // Identify reads only the header: the declared size is checked before any pixel buffer exists.
            var info = Image.Identify(configuration, bytes, out _)
                ?? throw new ImageDecodeException($"unreadable {format.Name} header");
            if (info.Width <= 0 || info.Height <= 0)
            {
                throw new ImageDecodeException($"{format.Name} header declares an empty image ({info.Width}x{info.Height})");
            }

            if (info.Width > limits.MaxSide || info.Height > limits.MaxSide || (long)info.Width * info.Height > limits.MaxPixels)
            {
                throw new ImageDecodeException(
                    $"{format.Name} declares {info.Width}x{info.Height} pixels, above the limit of {limits.MaxPixels} pixels or {limits.MaxSide} per side");
            }

            return Image.Load<Rgb24>(configuration, bytes);
        }
        catch (ImageDecodeException)
        {
            throw;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Decoders signal damage in many ways (ImageFormatException, InvalidMemoryOperationException,
            // ArgumentException, IndexOutOfRange in older code paths); for an import all mean "bad file".
            throw new ImageDecodeException($"corrupt {format.Name}: {FirstLine(ex.Message)}", ex);
        }
    }

    private static void CropResizeInPlace(Image<Rgb24> image, int resolution)
    {
        var side = Math.Min(image.Width, image.Height);
        var crop = new Rectangle((image.Width - side) / 2, (image.Height - side) / 2, side, side);
        image.Mutate(x =>
        {
            x.Crop(crop);
            if (side != resolution)
            {
                x.Resize(resolution, resolution, KnownResamplers.Bicubic);
            }
        });
    }

    private static RgbImage ToRgbImage(Image<Rgb24> image)
    {
        var pixels = new byte[image.Width * image.Height * 3];
        image.CopyPixelDataTo(MemoryMarshal.Cast<byte, Rgb24>(pixels.AsSpan()));
        return new RgbImage(image.Width, image.Height, pixels);
    }

    private static Configuration CreateConfiguration(ImageDecodeLimits limits)
    {
        var configuration = new Configuration(new PngConfigurationModule(), new JpegConfigurationModule());
        // Second guard behind the header check: a decoder that asks for more than the pixel budget allows
        // (4 bytes per pixel plus working space) fails instead of taking the machine's memory.
        var megabytes = (int)Math.Clamp(limits.MaxPixels * 8 / (1024 * 1024) + 64, 64, int.MaxValue);
        configuration.MemoryAllocator = MemoryAllocator.Create(new MemoryAllocatorOptions { AllocationLimitMegabytes = megabytes });
        return configuration;
    }

    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        return end < 0 ? message : message[..end];
    }
}
