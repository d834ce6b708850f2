using System.Diagnostics;

namespace MelanoGans.Training.Tests.Export;

/// <summary>Runs onnx.checker (full check, with shape inference) from Debian's python3-onnx on a file.</summary>
internal static class OnnxChecker
{
    private const string Python = "/usr/bin/python3";

    public static void AssertValid(string onnxPath)
    {
        if (!File.Exists(Python))
        {
            Assert.Fail($"{Python} is missing: install Debian's python3 and python3-onnx (apt-get install -y python3-onnx)");
        }

        var start = new ProcessStartInfo(Python)
        {
            ArgumentList = { "-c", "import sys, onnx; onnx.checker.check_model(onnx.load(sys.argv[1]), full_check=True); print('ok')", onnxPath },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (error.Contains("No module named 'onnx'", StringComparison.Ordinal))
        {
            Assert.Fail("python3-onnx is missing: apt-get install -y python3-onnx");
        }

        Assert.True(process.ExitCode == 0 && output.Trim() == "ok", $"onnx.checker rejected {onnxPath}: {error}");
    }
}
