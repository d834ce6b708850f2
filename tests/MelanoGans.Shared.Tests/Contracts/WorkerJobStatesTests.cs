using MelanoGans.Shared.Contracts;

namespace MelanoGans.Shared.Tests.Contracts;

public sealed class WorkerJobStatesTests
{
    [Theory]
    [InlineData(TrainingJobState.Queued, TrainingJobState.Claimed, true)]
    [InlineData(TrainingJobState.Queued, TrainingJobState.Cancelled, true)]
    [InlineData(TrainingJobState.Queued, TrainingJobState.Running, false)]
    [InlineData(TrainingJobState.Queued, TrainingJobState.Succeeded, false)]
    [InlineData(TrainingJobState.Claimed, TrainingJobState.Running, true)]
    [InlineData(TrainingJobState.Claimed, TrainingJobState.Queued, true)]
    [InlineData(TrainingJobState.Running, TrainingJobState.Queued, true)]
    [InlineData(TrainingJobState.Running, TrainingJobState.Succeeded, true)]
    [InlineData(TrainingJobState.Running, TrainingJobState.Failed, true)]
    [InlineData(TrainingJobState.Running, TrainingJobState.Cancelled, true)]
    [InlineData(TrainingJobState.Succeeded, TrainingJobState.Running, false)]
    [InlineData(TrainingJobState.Failed, TrainingJobState.Queued, false)]
    [InlineData(TrainingJobState.Cancelled, TrainingJobState.Succeeded, false)]
    public void Finished_jobs_stay_finished_and_only_held_jobs_run(TrainingJobState from, TrainingJobState to, bool allowed) =>
        Assert.Equal(allowed, WorkerJobStates.CanMove(from, to));

    [Fact]
    public void Jobs_are_named_by_kind_and_number() =>
        Assert.Equal(["Run 3", "Experiment 2"], [WorkerJobStates.Label(WorkerJobKind.Training, 3), WorkerJobStates.Label(WorkerJobKind.Experiment, 2)]);
}
