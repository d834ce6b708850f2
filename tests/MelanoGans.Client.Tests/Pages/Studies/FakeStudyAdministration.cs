using MelanoGans.Client.Services;
using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Contracts.Studies;

namespace MelanoGans.Client.Tests.Pages.Studies;

/// <summary>A lead's study list; records starts, and fails loudly on anything a test did not expect.</summary>
public sealed class FakeStudyAdministration : IStudyAdministration
{
    public IReadOnlyList<StudySummary> Studies { get; init; } = [];

    public List<(int StudyId, int? Version)> Started { get; } = [];

    public Task<IReadOnlyList<StudySummary>> ListAsync(CancellationToken ct = default) => Task.FromResult(Studies);

    public Task<OperationResult> StartAsync(int studyId, int? expectedVersion = null)
    {
        Started.Add((studyId, expectedVersion));
        return Task.FromResult(OperationResult.Ok);
    }

    public Task<StudySetupOptions> GetSetupOptionsAsync(CancellationToken ct = default) => throw new NotSupportedException();
    public Task<StudySetup?> GetSetupAsync(int studyId, CancellationToken ct = default) => throw new NotSupportedException();
    public Task<(OperationResult Result, int StudyId)> CreateAsync(StudySetup setup) => throw new NotSupportedException();
    public Task<OperationResult> UpdateAsync(int studyId, StudySetup setup) => throw new NotSupportedException();
    public Task<OperationResult> PauseAsync(int studyId) => throw new NotSupportedException();
    public Task<OperationResult> ResumeAsync(int studyId) => throw new NotSupportedException();
    public Task<OperationResult> CloseAsync(int studyId) => throw new NotSupportedException();
    public Task<OperationResult> AddRatersAsync(int studyId, IReadOnlyList<string> raterIds) => throw new NotSupportedException();
    public Task<(OperationResult Result, int StudyId)> CloneAsync(int studyId) => throw new NotSupportedException();
    public Task<IReadOnlyList<RatingRow>> GetRatingsAsync(int studyId, CancellationToken ct = default) => throw new NotSupportedException();
    public Task<OperationResult> SetCoLeadsAsync(int studyId, IReadOnlyList<string> leadIds, int? expectedVersion = null) => throw new NotSupportedException();
    /// <summary>What a lead's exclusion does; by default it is refused loudly.</summary>
    public Func<int, string, bool, OperationResult> OnExclusion { get; set; } = (_, _, _) => throw new NotSupportedException();

    public Task<OperationResult> SetRaterExcludedAsync(int studyId, string raterUserName, bool excluded) =>
        Task.FromResult(OnExclusion(studyId, raterUserName, excluded));
}
