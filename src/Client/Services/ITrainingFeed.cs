using MelanoGans.Shared.Contracts;

namespace MelanoGans.Client.Services;

/// <summary>Live changes of training jobs, in process (pages never connect to their own server's hub).</summary>
public interface ITrainingFeed
{
    /// <summary>Raised on a background thread for every change; handlers must marshal to the renderer.</summary>
    event Action<TrainingUpdate>? Changed;
}
