using System.Text;
using System.Text.Json;
using MelanoGans.Shared.Metrics;

namespace MelanoGans.Shared.Tests.Metrics;

public class NpyFileTests
{
    private static FeatureMatrix RoundTrip(FeatureMatrix m)
    {
        using var stream = new MemoryStream();
        NpyFile.Write(stream, m);
        stream.Position = 0;
        return NpyFile.Read(stream);
    }

    private static FeatureMatrix SavedByNumpy(object values, int[] shape, string dtype, bool fortran = false, int[]? version = null)
    {
        var folder = Directory.CreateTempSubdirectory("melanogans-npy-");
        try
        {
            var path = Path.Combine(folder.FullName, "m.npy");
            var requestPath = Path.Combine(folder.FullName, "request.json");
            File.WriteAllText(requestPath, JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["task"] = "save", ["path"] = path, ["values"] = values, ["shape"] = shape, ["dtype"] = dtype,
                ["fortran"] = fortran, ["version"] = version ?? [1, 0],
            }));
            MetricsReference.RunRequest(requestPath);
            using var file = File.OpenRead(path);
            return NpyFile.Read(file);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Round_trips_every_value()
    {
        var m = new FeatureMatrix(3, 4, [0, -1.5f, float.Epsilon, float.MaxValue, 1e-20f, 3.25f, -0f, 7, 8, 9, 10, 11]);

        var back = RoundTrip(m);

        Assert.Equal((3, 4), (back.Rows, back.Columns));
        Assert.Equal(m.Data, back.Data);
    }

    [Fact]
    public void The_header_is_numpy_v1_aligned_to_64_bytes()
    {
        using var stream = new MemoryStream();
        NpyFile.Write(stream, new FeatureMatrix(2, 512, new float[1024]));
        var bytes = stream.ToArray();

        Assert.Equal(new byte[] { 0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0 }, bytes[..8]);
        var headerLength = bytes[8] | bytes[9] << 8;
        Assert.Equal(0, (10 + headerLength) % 64);
        Assert.Equal(10 + headerLength + 1024 * 4, bytes.Length);
        Assert.StartsWith("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 512), }", Encoding.ASCII.GetString(bytes, 10, headerLength));
    }

    [Fact]
    public void Numpy_loads_what_csharp_writes()
    {
        var m = FeatureSets.Gaussian(7, 5, seed: 61);

        var reference = MetricsReference.Run("load", new Dictionary<string, FeatureMatrix> { ["path"] = m });

        Assert.Equal("float32", reference.GetProperty("dtype").GetString());
        Assert.Equal([7, 5], reference.GetProperty("shape").EnumerateArray().Select(e => e.GetInt32()));
        Assert.False(reference.GetProperty("fortran").GetBoolean());
        Assert.Equal(m.Data, reference.GetProperty("values").EnumerateArray().Select(e => (float)e.GetDouble()));
    }

    [Fact]
    public void Csharp_reads_what_numpy_saves()
    {
        var values = Enumerable.Range(0, 12).Select(i => i * 0.5 - 2).ToArray();

        var m = SavedByNumpy(values, [4, 3], "<f4");

        Assert.Equal((4, 3), (m.Rows, m.Columns));
        Assert.Equal(values.Select(v => (float)v), m.Data);
    }

    [Theory]
    [InlineData("<f8", false, 1, "the .npy file holds dtype '<f8'; features must be little-endian float32 ('<f4')")]
    [InlineData(">f4", false, 1, "the .npy file holds dtype '>f4'; features must be little-endian float32 ('<f4')")]
    [InlineData("<f4", true, 1, "the .npy file is in Fortran (column-major) order")]
    [InlineData("<f4", false, 2, "the .npy file is format version 2.0; only version 1.0")]
    public void Refuses_other_dtypes_orders_and_versions(string dtype, bool fortran, int major, string message)
    {
        var error = Assert.Throws<InvalidDataException>(() =>
            SavedByNumpy(new[] { 1.0, 2, 3, 4, 5, 6 }, [2, 3], dtype, fortran, [major, 0]));

        Assert.StartsWith(message, error.Message);
    }

    [Fact]
    public void Refuses_other_shapes_truncated_data_and_other_files()
    {
        Assert.StartsWith(
            "the .npy file has shape (6,); a feature matrix is 2-D",
            Assert.Throws<InvalidDataException>(() => SavedByNumpy(new[] { 1.0, 2, 3, 4, 5, 6 }, [6], "<f4")).Message);

        using var stream = new MemoryStream();
        NpyFile.Write(stream, new FeatureMatrix(2, 3, new float[6]));
        var truncated = stream.ToArray()[..^5];
        Assert.StartsWith(
            "the .npy file ends after 19 of the 24 data bytes its shape (2, 3) needs",
            Assert.Throws<InvalidDataException>(() => NpyFile.Read(new MemoryStream(truncated))).Message);

        Assert.StartsWith(
            "not a NumPy .npy file",
            Assert.Throws<InvalidDataException>(() => NpyFile.Read(new MemoryStream([0x50, 0x4B, 3, 4, 0x20, 0x7A, 0x69, 0x70, 0x20, 0x20, 0x20]))).Message);
    }
}
