using MelanoGans.Shared.Contracts;
using Microsoft.Extensions.Options;
using Microsoft.ML.OnnxRuntime;
using SessionOptions = Microsoft.ML.OnnxRuntime.SessionOptions;

namespace MelanoGans.Server.Generation;

/// <summary>
/// Creates ONNX Runtime sessions on the configured device. The GPU package's CUDA provider throws where
/// the CUDA libraries are missing and nothing falls back by itself (docs/design.md, "Platform notes"), so the
/// first failure is logged once, remembered, and every later session goes straight to the CPU.
/// </summary>
public sealed class OnnxSessionFactory(IOptions<InferenceOptions> options, ICudaProvider cuda, ILogger<OnnxSessionFactory> logger)
{
    public const string CpuDevice = "CPU";

    private readonly Lock _gate = new();
    private string? _cudaFailure;
    private bool _cudaLoaded;

    private InferenceOptions Options => options.Value;

    private bool WantsCuda => Options.Device != InferenceDevicePreference.Cpu;

    private string CudaDevice => $"CUDA (GPU {Options.CudaDeviceId})";

    /// <summary>A session on CUDA when it loads (and is wanted), else on the CPU; returns the device used.</summary>
    public (InferenceSession Session, string Device) Create(string onnxPath)
    {
        if (WantsCuda && CudaFailure is null)
        {
            var viaCuda = TryCreateOnCuda(onnxPath, out var cudaError);
            if (viaCuda is not null) return (viaCuda, CudaDevice);
            // A corrupt model fails on the CPU too, and then it is not CUDA's fault: only a CPU success blames CUDA.
            var onCpu = CreateOnCpu(onnxPath);
            RecordCudaFailure(cudaError!);
            return (onCpu, CpuDevice);
        }
        return (CreateOnCpu(onnxPath), CpuDevice);
    }

    /// <summary>A session on the CPU whatever the configuration (model validation: same result on every machine).</summary>
    public InferenceSession CreateOnCpu(byte[] onnx)
    {
        using var sessionOptions = NewOptions();
        return new InferenceSession(onnx, sessionOptions);
    }

    /// <summary>The device generation uses; probes the CUDA provider once if no session has been made yet.</summary>
    public InferenceDeviceInfo Describe()
    {
        var requested = Options.Device.ToString().ToLowerInvariant();
        if (!WantsCuda) return new(requested, CpuDevice, null);
        if (!_cudaLoaded && CudaFailure is null) Probe();
        if (CudaFailure is { } failure)
        {
            var notice = Options.Device == InferenceDevicePreference.Cuda
                ? $"CUDA was requested but is not available ({failure}); generating on the CPU."
                : null;
            return new(requested, CpuDevice, notice);
        }
        return new(requested, CudaDevice, null);
    }

    private string? CudaFailure
    {
        get
        {
            lock (_gate) return _cudaFailure;
        }
    }

    private InferenceSession? TryCreateOnCuda(string onnxPath, out Exception? error)
    {
        error = null;
        try
        {
            using var sessionOptions = NewOptions();
            cuda.Append(sessionOptions, Options.CudaDeviceId);
            var session = new InferenceSession(onnxPath, sessionOptions);
            _cudaLoaded = true;
            return session;
        }
        catch (Exception e)
        {
            // Any failure here (missing libcudart, no device, driver mismatch) means "not on this machine".
            error = e;
            return null;
        }
    }

    private void Probe()
    {
        try
        {
            using var sessionOptions = NewOptions();
            cuda.Append(sessionOptions, Options.CudaDeviceId);
            _cudaLoaded = true;
        }
        catch (Exception e)
        {
            RecordCudaFailure(e);
        }
    }

    private InferenceSession CreateOnCpu(string onnxPath)
    {
        using var sessionOptions = NewOptions();
        return new InferenceSession(onnxPath, sessionOptions);
    }

    private SessionOptions NewOptions()
    {
        var sessionOptions = new SessionOptions
        {
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            IntraOpNumThreads = Options.IntraOpThreads,
            InterOpNumThreads = 1,
        };
        // Idle intra-op threads sleep instead of spinning, as OMP_WAIT_POLICY=PASSIVE makes libtorch's do: on shared
        // cores a spinning thread burns the time slice its busy sibling needs (docs/benchmarks.md, "Generation").
        sessionOptions.AddSessionConfigEntry(SpinningConfigKey, "0");
        return sessionOptions;
    }

    /// <summary>ONNX Runtime's session config key that lets idle intra-op threads spin.</summary>
    public const string SpinningConfigKey = "session.intra_op.allow_spinning";

    private void RecordCudaFailure(Exception e)
    {
        var reason = Summarise(e);
        lock (_gate)
        {
            if (_cudaFailure is not null) return;
            _cudaFailure = reason;
            _cudaLoaded = false;
        }
        if (Options.Device == InferenceDevicePreference.Cuda)
            logger.LogWarning("CUDA was requested for generation but is not available; using the CPU provider. {Reason}", reason);
        else
            logger.LogInformation("No CUDA for generation on this machine; using the CPU provider. {Reason}", reason);
    }

    private static string Summarise(Exception e)
    {
        var line = e.Message.Split('\n', 2)[0].Trim();
        return line.Length <= 300 ? line : line[..300] + "…";
    }
}
