using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;

namespace MelanoGans.Shared.Metrics;

/// <summary>
/// Feature matrices as NumPy <c>.npy</c> files (format version 1.0): dtype <c>'&lt;f4'</c> (little-endian float32),
/// C order, shape (rows, columns). What <c>numpy.save</c> writes for a 2-D float32 array, and what
/// <c>numpy.load</c> reads back.
/// </summary>
public static partial class NpyFile
{
    private static readonly byte[] Magic = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    // Magic (6), version (2), header length (2).
    private const int PreambleLength = 10;

    /// <summary>Writes <paramref name="m"/> to <paramref name="s"/> as a version 1.0 <c>.npy</c> file.</summary>
    public static void Write(Stream s, FeatureMatrix m)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(m);
        var dictionary = string.Create(
            CultureInfo.InvariantCulture,
            $"{{'descr': '<f4', 'fortran_order': False, 'shape': ({m.Rows}, {m.Columns}), }}");

        // numpy pads the header with spaces and ends it with a newline so the data starts 64-byte aligned.
        var unpadded = PreambleLength + dictionary.Length + 1;
        var padding = (64 - unpadded % 64) % 64;
        var header = dictionary + new string(' ', padding) + "\n";
        var preamble = new byte[PreambleLength];
        Magic.CopyTo(preamble, 0);
        preamble[6] = 1;
        preamble[7] = 0;
        BinaryPrimitives.WriteUInt16LittleEndian(preamble.AsSpan(8), (ushort)header.Length);
        s.Write(preamble);
        s.Write(Encoding.ASCII.GetBytes(header));
        if (BitConverter.IsLittleEndian)
        {
            s.Write(MemoryMarshal.AsBytes(m.Data.AsSpan()));
        }
        else
        {
            var buffer = new byte[4];
            foreach (var value in m.Data)
            {
                BinaryPrimitives.WriteSingleLittleEndian(buffer, value);
                s.Write(buffer);
            }
        }
    }

    /// <summary>Reads a version 1.0 <c>.npy</c> file of a 2-D little-endian float32 array in C order.</summary>
    /// <exception cref="InvalidDataException">Not an .npy file, another version, dtype, order or number of dimensions, or fewer data bytes than the shape needs; the message says which.</exception>
    public static FeatureMatrix Read(Stream s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var preamble = new byte[PreambleLength];
        if (ReadFully(s, preamble) < PreambleLength || !preamble.AsSpan(0, 6).SequenceEqual(Magic))
        {
            throw new InvalidDataException("not a NumPy .npy file (the magic string \\x93NUMPY is missing)");
        }

        if (preamble[6] != 1 || preamble[7] != 0)
        {
            throw new InvalidDataException(
                $"the .npy file is format version {preamble[6]}.{preamble[7]}; only version 1.0 (what numpy.save writes for feature matrices) is read");
        }

        var headerLength = BinaryPrimitives.ReadUInt16LittleEndian(preamble.AsSpan(8));
        var headerBytes = new byte[headerLength];
        if (ReadFully(s, headerBytes) < headerLength)
        {
            throw new InvalidDataException("the .npy file ends inside its header");
        }

        var header = Encoding.Latin1.GetString(headerBytes);
        var descr = DescrPattern().Match(header);
        var order = FortranPattern().Match(header);
        var shape = ShapePattern().Match(header);
        if (!descr.Success || !order.Success || !shape.Success)
        {
            throw new InvalidDataException($"the .npy header is not a dictionary with descr, fortran_order and shape: {header.Trim()}");
        }

        if (descr.Groups[1].Value != "<f4")
        {
            throw new InvalidDataException(
                $"the .npy file holds dtype '{descr.Groups[1].Value}'; features must be little-endian float32 ('<f4'): save them with array.astype(numpy.float32)");
        }

        if (order.Groups[1].Value != "False")
        {
            throw new InvalidDataException("the .npy file is in Fortran (column-major) order; save a C-ordered array (numpy.ascontiguousarray)");
        }

        var dimensions = shape.Groups[1].Value
            .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(p => long.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : -1)
            .ToArray();
        if (dimensions.Length != 2 || dimensions.Any(v => v < 0))
        {
            throw new InvalidDataException(
                $"the .npy file has shape ({shape.Groups[1].Value}); a feature matrix is 2-D: (rows, columns)");
        }

        if (dimensions[1] < 1 || dimensions[0] * dimensions[1] > Array.MaxLength)
        {
            throw new InvalidDataException($"the .npy shape ({dimensions[0]}, {dimensions[1]}) is not a usable feature matrix");
        }

        var rows = (int)dimensions[0];
        var columns = (int)dimensions[1];
        var data = new float[rows * columns];
        var bytes = MemoryMarshal.AsBytes(data.AsSpan());
        var read = ReadFully(s, bytes);
        if (read < bytes.Length)
        {
            throw new InvalidDataException(
                $"the .npy file ends after {read} of the {bytes.Length} data bytes its shape ({rows}, {columns}) needs");
        }

        if (!BitConverter.IsLittleEndian)
        {
            for (var i = 0; i < data.Length; i++)
            {
                data[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes.Slice(i * 4, 4));
            }
        }

        return new FeatureMatrix(rows, columns, data);
    }

    private static int ReadFully(Stream s, Span<byte> buffer)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var n = s.Read(buffer[total..]);
            if (n == 0)
            {
                break;
            }

            total += n;
        }

        return total;
    }

    [GeneratedRegex(@"'descr'\s*:\s*'([^']*)'")]
    private static partial Regex DescrPattern();

    [GeneratedRegex(@"'fortran_order'\s*:\s*(True|False)")]
    private static partial Regex FortranPattern();

    [GeneratedRegex(@"'shape'\s*:\s*\(([^)]*)\)")]
    private static partial Regex ShapePattern();
}
