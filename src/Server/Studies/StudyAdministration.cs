using MelanoGans.Client.Services;
using MelanoGans.Server.Data;
using MelanoGans.Server.Datasets;
using MelanoGans.Server.Generation;
using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Contracts.Studies;
using MelanoGans.Shared.Studies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace MelanoGans.Server.Studies;

/// <summary>
/// Study set-up and life cycle behind the Studies page. Checks the caller's role itself (the page's
/// attribute is not the only guard) and keeps a started study's items and questions as they were frozen.
/// </summary>
internal sealed class StudyAdministration(
    StudioDbContext db,
    UserManager<ApplicationUser> users,
    StudyCaller caller,
    StudyFreezer freezer,
    StudyRatings ratings,
    TimeProvider clock,
    ILogger<StudyAdministration> logger) : IStudyAdministration
{
    public async Task<IReadOnlyList<StudySummary>> ListAsync(CancellationToken ct = default)
    {
        await caller.RequireLeadAsync();
        var studies = await db.Set<Study>().AsNoTracking().Include(s => s.Pools).Include(s => s.Raters)
            .OrderByDescending(s => s.Id).ToListAsync(ct);
        var items = await db.Set<StudyItem>().GroupBy(i => new { i.StudyId, i.Truth })
            .Select(g => new { g.Key.StudyId, g.Key.Truth, Count = g.Count() }).ToListAsync(ct);
        var answers = await db.Set<Answer>().GroupBy(a => a.StudyId)
            .Select(g => new { StudyId = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.StudyId, g => g.Count, ct);
        return studies.Select(s =>
        {
            var frozen = s.State is not (StudyState.Draft or StudyState.Starting);
            var reals = frozen ? items.Where(i => i.StudyId == s.Id && i.Truth == RatingTruth.Real).Sum(i => i.Count) : s.RealCount;
            var fakes = frozen ? items.Where(i => i.StudyId == s.Id && i.Truth == RatingTruth.Fake).Sum(i => i.Count) : s.Pools.Sum(p => p.Count);
            var perRater = reals + fakes + RaterSequence.RepeatCount(reals + fakes, s.RepeatShare);
            return new StudySummary(s.Id, s.Name, s.State, reals, fakes, s.Raters.Count,
                answers.GetValueOrDefault(s.Id), frozen ? perRater * s.Raters.Count : 0, s.CreatedAt, s.StartedAt);
        }).ToList();
    }

    public async Task<StudySetupOptions> GetSetupOptionsAsync(CancellationToken ct = default)
    {
        await caller.RequireLeadAsync();
        return await LoadOptionsAsync(ct);
    }

    public async Task<StudySetup?> GetSetupAsync(int studyId, CancellationToken ct = default)
    {
        await caller.RequireLeadAsync();
        var study = await LoadAsync(studyId, ct);
        return study is null ? null : ToSetup(study);
    }

    public async Task<(OperationResult Result, int StudyId)> CreateAsync(StudySetup setup)
    {
        var lead = await caller.RequireLeadAsync();
        var errors = StudySetupValidator.Validate(setup, await LoadOptionsAsync(default));
        if (errors.Count > 0) return (new OperationResult(false, errors), 0);
        var study = new Study { Name = setup.Name.Trim(), Seed = StudyTokens.NewSeed(), CreatedBy = lead, CreatedAt = clock.GetUtcNow() };
        Apply(study, setup);
        db.Add(study);
        await db.SaveChangesAsync();
        logger.LogInformation("{Lead} created study {StudyId} {Name}", lead, study.Id, study.Name);
        return (OperationResult.Ok, study.Id);
    }

    public async Task<OperationResult> UpdateAsync(int studyId, StudySetup setup)
    {
        await caller.RequireLeadAsync();
        if (await LoadAsync(studyId, default) is not { } study) return OperationResult.Fail("No such study.");
        if (study.State != StudyState.Draft)
            return OperationResult.Fail("A started study's items and questions cannot change; clone it to make a new one.");
        var errors = StudySetupValidator.Validate(setup, await LoadOptionsAsync(default));
        if (errors.Count > 0) return new OperationResult(false, errors);
        study.Name = setup.Name.Trim();
        Apply(study, setup);
        await db.SaveChangesAsync();
        return OperationResult.Ok;
    }

    public async Task<OperationResult> StartAsync(int studyId)
    {
        var lead = await caller.RequireLeadAsync();
        if (await LoadAsync(studyId, default) is not { } study) return OperationResult.Fail("No such study.");
        var errors = StudySetupValidator.Validate(ToSetup(study), await LoadOptionsAsync(default));
        if (errors.Count > 0) return new OperationResult(false, errors);
        // Claims the draft atomically: two leads pressing Start together freeze the items once.
        if (!await TransitionAsync(studyId, StudyState.Draft, StudyState.Starting))
            return OperationResult.Fail("Only a draft can be started.");
        try
        {
            var items = await freezer.FreezeAsync(study);
            db.AddRange(items);
            study.State = StudyState.Open;
            study.StartedAt = clock.GetUtcNow();
            await db.SaveChangesAsync();
        }
        catch (Exception e) when (e is StudySetupException or IOException or Shared.Imaging.ImageDecodeException)
        {
            db.ChangeTracker.Clear();
            await TransitionAsync(studyId, StudyState.Starting, StudyState.Draft);
            logger.LogWarning(e, "Study {StudyId} could not start", studyId);
            return OperationResult.Fail($"The study could not start: {e.Message}");
        }
        logger.LogInformation("{Lead} started study {StudyId}", lead, studyId);
        return OperationResult.Ok;
    }

    public async Task<OperationResult> PauseAsync(int studyId)
    {
        await caller.RequireLeadAsync();
        return await TransitionAsync(studyId, StudyState.Open, StudyState.Paused)
            ? OperationResult.Ok : OperationResult.Fail("Only an open study can be paused.");
    }

    public async Task<OperationResult> ResumeAsync(int studyId)
    {
        await caller.RequireLeadAsync();
        return await TransitionAsync(studyId, StudyState.Paused, StudyState.Open)
            ? OperationResult.Ok : OperationResult.Fail("Only a paused study can be reopened.");
    }

    public async Task<OperationResult> CloseAsync(int studyId)
    {
        await caller.RequireLeadAsync();
        var now = clock.GetUtcNow();
        var closed = await db.Set<Study>()
            .Where(s => s.Id == studyId && (s.State == StudyState.Open || s.State == StudyState.Paused || s.State == StudyState.Draft))
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.State, StudyState.Closed).SetProperty(s => s.ClosedAt, now));
        return closed == 1 ? OperationResult.Ok : OperationResult.Fail("Only a draft, open or paused study can be closed.");
    }

    public async Task<OperationResult> AddRatersAsync(int studyId, IReadOnlyList<string> raterIds)
    {
        var lead = await caller.RequireLeadAsync();
        // Read the state from the database, not from an entity this circuit may hold since before a pause or close.
        var state = await db.Set<Study>().Where(s => s.Id == studyId).Select(s => (StudyState?)s.State).SingleOrDefaultAsync();
        if (state is null) return OperationResult.Fail("No such study.");
        if (state is not (StudyState.Open or StudyState.Paused))
            return OperationResult.Fail("Raters join an open or paused study; edit a draft instead.");
        var active = (await ActiveRatersAsync()).Select(r => r.Id).ToHashSet();
        if (raterIds.Any(id => !active.Contains(id))) return OperationResult.Fail("Only active accounts with the Rater role can join a study.");
        var present = await db.Set<StudyRater>().Where(r => r.StudyId == studyId).Select(r => r.UserId).ToListAsync();
        var joining = raterIds.Distinct().Except(present).ToList();
        if (joining.Count == 0) return OperationResult.Fail("Choose at least one rater who is not in the study yet.");
        db.Set<StudyRater>().AddRange(joining.Select(id => new StudyRater { StudyId = studyId, UserId = id, OrderSeed = StudyTokens.NewSeed() }));
        await db.SaveChangesAsync();
        logger.LogInformation("{Lead} added {Count} raters to study {StudyId}", lead, joining.Count, studyId);
        return OperationResult.Ok;
    }

    public async Task<(OperationResult Result, int StudyId)> CloneAsync(int studyId)
    {
        var lead = await caller.RequireLeadAsync();
        if (await LoadAsync(studyId, default) is not { } source) return (OperationResult.Fail("No such study."), 0);
        var setup = ToSetup(source);
        var name = $"{source.Name} (copy)";
        if (name.Length > 200) name = name[..200];
        var clone = new Study { Name = name, Seed = StudyTokens.NewSeed(), CreatedBy = lead, CreatedAt = clock.GetUtcNow() };
        // Raters who lost the role or were disabled since are dropped rather than failing the clone.
        var active = (await ActiveRatersAsync()).Select(r => r.Id).ToHashSet();
        setup.RaterIds = setup.RaterIds.Where(active.Contains).ToList();
        Apply(clone, setup);
        db.Add(clone);
        await db.SaveChangesAsync();
        return (OperationResult.Ok, clone.Id);
    }

    public async Task<IReadOnlyList<RatingRow>> GetRatingsAsync(int studyId, CancellationToken ct = default)
    {
        await caller.RequireLeadAsync();
        return await ratings.ReadAsync(studyId, ct) ?? [];
    }

    private async Task<bool> TransitionAsync(int studyId, StudyState from, StudyState to) =>
        await db.Set<Study>().Where(s => s.Id == studyId && s.State == from)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.State, to)) == 1;

    private Task<Study?> LoadAsync(int studyId, CancellationToken ct) =>
        db.Set<Study>().Include(s => s.Pools).Include(s => s.Raters).SingleOrDefaultAsync(s => s.Id == studyId, ct);

    private async Task<StudySetupOptions> LoadOptionsAsync(CancellationToken ct)
    {
        var labelCounts = await db.Set<DatasetImage>().GroupBy(i => new { i.DatasetId, i.Label })
            .Select(g => new { g.Key.DatasetId, g.Key.Label, Count = g.Count() }).ToListAsync(ct);
        var datasets = (await db.Set<Dataset>().Where(d => d.State == DatasetState.Ready).OrderBy(d => d.Name).ToListAsync(ct))
            .Select(d => new DatasetChoice(d.Id, d.Name, d.Resolution,
                labelCounts.Where(c => c.DatasetId == d.Id).ToDictionary(c => c.Label, c => c.Count)))
            .ToList();
        var poolCounts = await db.Set<GeneratedImage>().GroupBy(i => i.PoolId)
            .Select(g => new { PoolId = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.PoolId, g => g.Count, ct);
        var pools = (await db.Set<GeneratedPool>().OrderBy(p => p.Name).ToListAsync(ct))
            .Select(p => new PoolChoice(p.Id, p.Name, p.ModelName, p.Resolution, poolCounts.GetValueOrDefault(p.Id)))
            .ToList();
        return new StudySetupOptions(datasets, pools, await ActiveRatersAsync());
    }

    /// <summary>Accounts with the Rater role that are not disabled, by name (what set-up, clone and joining accept).</summary>
    private async Task<List<RaterChoice>> ActiveRatersAsync() =>
        (await users.GetUsersInRoleAsync(Roles.Rater))
            .Where(u => !u.IsDisabled).OrderBy(u => u.UserName)
            .Select(u => new RaterChoice(u.Id, u.UserName!)).ToList();

    private static void Apply(Study study, StudySetup setup)
    {
        study.Instructions = setup.Instructions.Trim();
        study.RealCount = setup.RealCount;
        study.RealDatasetId = setup.RealCount > 0 ? setup.RealDatasetId : null;
        study.RealLabel = setup.RealCount > 0 && !string.IsNullOrWhiteSpace(setup.RealLabel) ? setup.RealLabel : null;
        study.PresentationSize = setup.PresentationSize;
        study.RepeatShare = setup.RepeatShare;
        study.Feedback = setup.Feedback;
        study.ArtifactTags = setup.ArtifactTags.Select(t => t.Trim()).ToList();
        // Rows are updated in place rather than cleared and re-added: EF cannot track a deleted and a new
        // row with the same key at once, and a rater who stays keeps their order seed.
        var counts = setup.Pools.Where(p => p.Count > 0).ToDictionary(p => p.PoolId, p => p.Count);
        study.Pools.RemoveAll(p => !counts.ContainsKey(p.PoolId));
        foreach (var (poolId, count) in counts)
        {
            if (study.Pools.Find(p => p.PoolId == poolId) is { } existing) existing.Count = count;
            else study.Pools.Add(new StudyPoolSource { PoolId = poolId, Count = count });
        }
        var raterIds = setup.RaterIds.Distinct().ToList();
        study.Raters.RemoveAll(r => !raterIds.Contains(r.UserId));
        foreach (var id in raterIds.Where(id => study.Raters.TrueForAll(r => r.UserId != id)))
            study.Raters.Add(new StudyRater { UserId = id, OrderSeed = StudyTokens.NewSeed() });
    }

    private static StudySetup ToSetup(Study study) => new()
    {
        Name = study.Name,
        Instructions = study.Instructions,
        RealDatasetId = study.RealDatasetId,
        RealLabel = study.RealLabel,
        RealCount = study.RealCount,
        Pools = study.Pools.Select(p => new StudyPoolCount { PoolId = p.PoolId, Count = p.Count }).ToList(),
        PresentationSize = study.PresentationSize,
        RaterIds = study.Raters.Select(r => r.UserId).ToList(),
        ArtifactTags = [.. study.ArtifactTags],
        RepeatShare = study.RepeatShare,
        Feedback = study.Feedback,
    };
}
