using System.Diagnostics;

namespace MelanoGans.Training.Tests.Metrics;

/// <summary>
/// An independent forward pass of the two ResNet-18 graphs in NumPy (Debian's python3-onnx reads the weights; the
/// layers are written out here: convolution by im2col, batch norm, pooling), so the extractor's features are checked
/// without ONNX Runtime.
/// </summary>
internal static class NumpyResNetReference
{
    private const string Python = "/usr/bin/python3";

    private const string Script = """
        import sys, numpy as np, onnx
        from onnx import numpy_helper
        prep_path, net_path, in_path, out_path, n = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5])
        x = np.fromfile(in_path, dtype=np.float32).reshape(n, 3, 224, 224).astype(np.float64)

        def attrs(node):
            return {a.name: onnx.helper.get_attribute_value(a) for a in node.attribute}

        def pad(x, pads, value=0.0):
            t, l, b, r = pads
            return np.pad(x, ((0, 0), (0, 0), (t, b), (l, r)), constant_values=value)

        def windows(x, kh, kw, sh, sw):
            n, c, h, w = x.shape
            oh, ow = (h - kh) // sh + 1, (w - kw) // sw + 1
            s = x.strides
            return np.lib.stride_tricks.as_strided(x, (n, c, oh, ow, kh, kw), (s[0], s[1], s[2] * sh, s[3] * sw, s[2], s[3]))

        def run(path, values):
            g = onnx.load(path).graph
            env = dict(values)
            env.update({t.name: numpy_helper.to_array(t).astype(np.float64) for t in g.initializer})
            for node in g.node:
                a, i = attrs(node), [env[name] for name in node.input]
                op = node.op_type
                if op == "Split":
                    outs = np.split(i[0], len(node.output), axis=a["axis"])
                elif op == "Concat":
                    outs = [np.concatenate(i, axis=a["axis"])]
                elif op == "Sub":
                    outs = [i[0] - i[1]]
                elif op == "Add":
                    outs = [i[0] + i[1]]
                elif op == "Relu":
                    outs = [np.maximum(i[0], 0)]
                elif op == "BatchNormalization":
                    xx, scale, bias, mean, var = i
                    k = scale / np.sqrt(var + a["epsilon"])
                    outs = [xx * k[None, :, None, None] + (bias - mean * k)[None, :, None, None]]
                elif op == "Conv":
                    assert a.get("group", 1) == 1 and a.get("dilations", [1, 1]) == [1, 1]
                    w = i[1]; kh, kw = a["kernel_shape"]; sh, sw = a["strides"]
                    win = windows(np.ascontiguousarray(pad(i[0], a["pads"])), kh, kw, sh, sw)
                    n_, c_, p_, q_ = win.shape[:4]
                    cols = win.transpose(0, 2, 3, 1, 4, 5).reshape(n_ * p_ * q_, -1)
                    y = (cols @ w.reshape(w.shape[0], -1).T).reshape(n_, p_, q_, -1).transpose(0, 3, 1, 2)
                    if len(i) > 2: y = y + i[2][None, :, None, None]
                    outs = [y]
                elif op == "MaxPool":
                    kh, kw = a["kernel_shape"]; sh, sw = a["strides"]
                    outs = [windows(np.ascontiguousarray(pad(i[0], a["pads"], -np.inf)), kh, kw, sh, sw).max(axis=(4, 5))]
                elif op == "AveragePool":
                    assert a["pads"] == [0, 0, 0, 0]
                    kh, kw = a["kernel_shape"]; sh, sw = a["strides"]
                    outs = [windows(np.ascontiguousarray(i[0]), kh, kw, sh, sw).mean(axis=(4, 5))]
                else:
                    raise SystemExit("unsupported op " + op)
                env.update(zip(node.output, outs))
            return env[g.output[0].name]

        prep = onnx.load(prep_path).graph
        prepared = run(prep_path, {prep.input[0].name: x})
        net = onnx.load(net_path).graph
        inputs = {t.name for t in net.initializer}
        features = run(net_path, {[v.name for v in net.input if v.name not in inputs][0]: prepared})
        features.reshape(n, -1).astype(np.float32).tofile(out_path)
        """;

    /// <summary>Features (N x 512) of raw RGB planes (N x 3 x 224 x 224, values 0-255).</summary>
    public static float[] Features(string extractorDirectory, float[] planes, int count, string workDirectory)
    {
        var input = Path.Combine(workDirectory, "planes.f32");
        var output = Path.Combine(workDirectory, "features.f32");
        File.WriteAllBytes(input, System.Runtime.InteropServices.MemoryMarshal.AsBytes(planes.AsSpan()).ToArray());
        var start = new ProcessStartInfo(Python)
        {
            ArgumentList =
            {
                "-c", Script,
                Path.Combine(extractorDirectory, "ResNetPreprocess.onnx"), Path.Combine(extractorDirectory, "ResNet18.onnx"),
                input, output, count.ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"the NumPy ResNet-18 failed (needs python3-numpy and python3-onnx): {error}");
        return System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(File.ReadAllBytes(output)).ToArray();
    }
}
