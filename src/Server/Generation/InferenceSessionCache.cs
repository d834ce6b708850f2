using System.Collections.Concurrent;

namespace MelanoGans.Server.Generation;

/// <summary>
/// One <see cref="GeneratorSession"/> per model file, created on first use and kept for the life of the
/// server (loading a graph and planning its memory costs far more than one batch); disposed on shutdown.
/// </summary>
public sealed class InferenceSessionCache(OnnxSessionFactory factory) : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<GeneratorSession>> _sessions = new();
    private bool _disposed;

    public GeneratorSession Get(GeneratorSpec spec)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var lazy = _sessions.GetOrAdd(spec.Sha256, _ => new Lazy<GeneratorSession>(() =>
        {
            var (session, device) = factory.Create(spec.OnnxPath);
            return new GeneratorSession(session, device, spec);
        }));
        try
        {
            return lazy.Value;
        }
        catch
        {
            // A failed load is not cached: the next call tries again (the file may have been restored).
            _sessions.TryRemove(new KeyValuePair<string, Lazy<GeneratorSession>>(spec.Sha256, lazy));
            throw;
        }
    }

    public void Dispose()
    {
        _disposed = true;
        foreach (var lazy in _sessions.Values)
        {
            if (lazy.IsValueCreated) lazy.Value.Dispose();
        }
        _sessions.Clear();
    }
}
