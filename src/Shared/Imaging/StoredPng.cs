using System.Buffers.Binary;

namespace MelanoGans.Shared.Imaging;

/// <summary>
/// A PNG encoder whose output length depends only on the image's size: 8-bit RGB, filter 0 on every row, one IDAT
/// chunk holding a zlib stream of stored (uncompressed, BTYPE=00) deflate blocks, no ancillary chunks.
/// </summary>
/// <remarks>
/// Compressed PNGs differ in length with their content, and in a study the content differs by truth: generated
/// images compress differently from photographs, so the Content-Length alone told fakes from reals (issue 14). With
/// stored blocks every image of a given size has exactly <see cref="EncodedLength"/> bytes, whatever its pixels.
/// </remarks>
public static class StoredPng
{
    /// <summary>The most bytes one stored deflate block can hold.</summary>
    private const int MaxBlock = 65_535;

    private static ReadOnlySpan<byte> Signature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private static readonly uint[] CrcTable = BuildCrcTable();

    /// <summary>The exact length of every encoded image of <paramref name="width"/> x <paramref name="height"/> pixels.</summary>
    public static long EncodedLength(int width, int height)
    {
        var raw = RawLength(width, height);
        var blocks = Math.Max(1, (raw + MaxBlock - 1) / MaxBlock);
        var idat = 2 + raw + 5 * blocks + 4; // zlib header, data, block headers, Adler-32
        return Signature.Length + (12 + 13) + (12 + idat) + 12;
    }

    /// <summary>Encodes <paramref name="image"/>; see the type's remarks.</summary>
    public static byte[] Encode(RgbImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var raw = RawLength(image.Width, image.Height);
        var output = new byte[EncodedLength(image.Width, image.Height)];
        var span = output.AsSpan();
        Signature.CopyTo(span);
        var at = Signature.Length;

        Span<byte> header = stackalloc byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, image.Width);
        BinaryPrimitives.WriteInt32BigEndian(header[4..], image.Height);
        header[8] = 8;  // bit depth
        header[9] = 2;  // colour type: RGB
        header[10] = 0; // compression: deflate
        header[11] = 0; // filter method 0
        header[12] = 0; // no interlace
        at = WriteChunk(span, at, "IHDR"u8, header);

        // IDAT: written in place, then its length and CRC around it.
        var dataStart = at + 8;
        var p = dataStart;
        span[p++] = 0x78; // CMF: deflate, 32 KiB window
        span[p++] = 0x01; // FLG: no dictionary, fastest; (0x78 << 8 | 0x01) % 31 == 0
        var rowBytes = image.Width * 3;
        var row = -1;
        var column = rowBytes; // -1 row, end of row: the next byte is row 0's filter byte
        uint adlerA = 1, adlerB = 0;
        var remaining = raw;
        do
        {
            var block = (int)Math.Min(remaining, MaxBlock);
            remaining -= block;
            span[p++] = (byte)(remaining == 0 ? 1 : 0); // BFINAL on the last, BTYPE = 00
            BinaryPrimitives.WriteUInt16LittleEndian(span[p..], (ushort)block);
            BinaryPrimitives.WriteUInt16LittleEndian(span[(p + 2)..], (ushort)~block);
            p += 4;
            for (var i = 0; i < block; i++)
            {
                byte value;
                if (column == rowBytes)
                {
                    row++;
                    column = 0;
                    value = 0; // filter type None
                }
                else
                {
                    value = image.Pixels[row * rowBytes + column++];
                }
                span[p++] = value;
                adlerA = (adlerA + value) % 65_521;
                adlerB = (adlerB + adlerA) % 65_521;
            }
        }
        while (remaining > 0);
        BinaryPrimitives.WriteUInt32BigEndian(span[p..], (adlerB << 16) | adlerA);
        p += 4;
        var dataLength = p - dataStart;
        BinaryPrimitives.WriteInt32BigEndian(span[at..], dataLength);
        "IDAT"u8.CopyTo(span[(at + 4)..]);
        BinaryPrimitives.WriteUInt32BigEndian(span[p..], Crc32(span.Slice(at + 4, 4 + dataLength)));
        at = p + 4;

        at = WriteChunk(span, at, "IEND"u8, []);
        if (at != output.Length) throw new InvalidOperationException($"Stored PNG wrote {at} of {output.Length} bytes.");
        return output;
    }

    /// <summary>CRC-32 (ISO-HDLC, the PNG and zlib polynomial) of <paramref name="data"/>.</summary>
    public static uint Crc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFF_FFFFu;
        foreach (var b in data) crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        return crc ^ 0xFFFF_FFFFu;
    }

    // One filter byte per row, then the row's RGB bytes.
    private static long RawLength(int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        return (long)height * (1 + (long)width * 3);
    }

    private static int WriteChunk(Span<byte> output, int at, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        BinaryPrimitives.WriteInt32BigEndian(output[at..], data.Length);
        type.CopyTo(output[(at + 4)..]);
        data.CopyTo(output[(at + 8)..]);
        BinaryPrimitives.WriteUInt32BigEndian(output[(at + 8 + data.Length)..], Crc32(output.Slice(at + 4, 4 + data.Length)));
        return at + 12 + data.Length;
    }

    private static uint[] BuildCrcTable()
    {
        var table = new uint[256];
        for (var n = 0u; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB8_8320u ^ (c >> 1) : c >> 1;
            table[n] = c;
        }
        return table;
    }
}
