namespace MelanoGans.Shared.Contracts.Events;

/// <summary>A fact published on the studio's in-process event bus for live pages (and, later, other instances).</summary>
public interface IStudioEvent;
