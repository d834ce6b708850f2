using MelanoGans.Client.Services;
using MelanoGans.Server.Data;
using MelanoGans.Server.Datasets;
using MelanoGans.Server.Generation;
using MelanoGans.Server.Identity;
using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Contracts.Events;
using MelanoGans.Shared.Contracts.Studies;
using MelanoGans.Shared.Studies;
using Microsoft.EntityFrameworkCore;

namespace MelanoGans.Server.Studies;

/// <summary>
/// Study set-up and life cycle behind the Studies page. Every operation reads the study fresh from a context of
/// its own and checks, in the transaction that changes it, the state and version the lead acted on: a change made
/// by someone else first is refused with who did it and when, never overwritten. A lead reaches only the studies they
/// lead (<see cref="StudyAccess"/>): another lead's study is "No such study." to them.
/// </summary>
internal sealed class StudyAdministration(
    IDbContextFactory<StudioDbContext> dbs,
    CurrentUser current,
    StudyFreezer freezer,
    StudyRatings ratings,
    IDatasetReader datasetReader,
    IPoolReader poolReader,
    StudioInstance instance,
    TimeProvider clock,
    IStudioEvents events,
    ILogger<StudyAdministration> logger) : IStudyAdministration
{
    private static readonly string[] Managers = [Roles.Lead, Roles.Admin];

    public async Task<IReadOnlyList<StudySummary>> ListAsync(CancellationToken ct = default)
    {
        var caller = await current.RequireAsync(Managers, ct);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var studies = await db.Set<Study>().LedBy(db, caller).AsNoTracking().Include(s => s.Pools).Include(s => s.Raters)
            .OrderByDescending(s => s.Id).ToListAsync(ct);
        var ids = studies.Select(s => s.Id).ToList();
        var items = await db.Set<StudyItem>().Where(i => i.Role == ItemRole.Main && ids.Contains(i.StudyId)).GroupBy(i => new { i.StudyId, i.Truth })
            .Select(g => new { g.Key.StudyId, g.Key.Truth, Count = g.Count() }).ToListAsync(ct);
        var lengths = await StudyLengths.CountedAsync(db, ids, ct);
        var answers = await db.Set<Answer>().Where(a => !a.IsPractice && ids.Contains(a.StudyId)).GroupBy(a => a.StudyId)
            .Select(g => new { StudyId = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.StudyId, g => g.Count, ct);
        var coLeads = (await (
                from l in db.Set<StudyLead>()
                join u in db.Users on l.UserId equals u.Id
                where ids.Contains(l.StudyId)
                orderby u.UserName
                select new { l.StudyId, u.UserName })
            .ToListAsync(ct)).ToLookup(l => l.StudyId, l => l.UserName!);
        return studies.Select(s =>
        {
            var frozen = s.State is not (StudyState.Draft or StudyState.Starting);
            var reals = frozen ? items.Where(i => i.StudyId == s.Id && i.Truth == RatingTruth.Real).Sum(i => i.Count) : s.RealCount;
            var fakes = frozen ? items.Where(i => i.StudyId == s.Id && i.Truth == RatingTruth.Fake).Sum(i => i.Count) : s.Pools.Sum(p => p.Count);
            var perRater = lengths.GetValueOrDefault(s.Id);
            return new StudySummary(s.Id, s.Name, s.State, reals, fakes, s.Raters.Count,
                answers.GetValueOrDefault(s.Id), frozen ? perRater * s.Raters.Count : 0, s.CreatedAt, s.StartedAt, s.Version)
            {
                Owner = s.CreatedBy, CoLeads = coLeads[s.Id].ToList(), CanShare = StudyAccess.CanShare(s, caller),
            };
        }).ToList();
    }

    public async Task<StudySetupOptions> GetSetupOptionsAsync(CancellationToken ct = default)
    {
        await current.RequireAsync(Managers, ct);
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await LoadOptionsAsync(db, ct);
    }

    public async Task<StudySetup?> GetSetupAsync(int studyId, CancellationToken ct = default)
    {
        var caller = await current.RequireAsync(Managers, ct);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var study = await LoadAsync(db, studyId, caller, ct);
        return study is null ? null : ToSetup(study);
    }

    public async Task<(OperationResult Result, int StudyId)> CreateAsync(StudySetup setup)
    {
        var lead = await current.RequireAsync(Managers);
        await using var db = await dbs.CreateDbContextAsync();
        var options = await LoadOptionsAsync(db, default);
        if (StudySetupValidator.Refusal(setup, options) is { } invalid) return (invalid, 0);
        var now = clock.GetUtcNow();
        var study = new Study
        {
            Name = setup.Name.Trim(), Seed = StudyTokens.NewSeed(), CreatedBy = lead.UserName, CreatedAt = now,
            UpdatedBy = lead.UserName, UpdatedAt = now,
        };
        Apply(study, setup);
        RecordUpscaling(study, setup, options, lead.UserName, now);
        db.Add(study);
        await db.SaveChangesAsync();
        logger.LogInformation("{Lead} created study {StudyId} {Name}", lead.UserName, study.Id, study.Name);
        return (OperationResult.Ok, study.Id);
    }

    public async Task<OperationResult> UpdateAsync(int studyId, StudySetup setup)
    {
        var lead = await current.RequireAsync(Managers);
        await using var db = await dbs.CreateDbContextAsync();
        // On SQLite the transaction takes the write lock at once: two saves of one draft take turns.
        await using var transaction = await db.Database.BeginWriteTransactionAsync();
        if (await LoadAsync(db, studyId, lead, default) is not { } study) return OperationResult.Fail("No such study.");
        if (StudyChanges.Refusal(study, StudyState.Draft, setup.Version) is { } reason)
            return Refused(studyId, lead, "save", reason);
        var options = await LoadOptionsAsync(db, default);
        if (StudySetupValidator.Refusal(setup, options) is { } invalid) return invalid;
        study.Name = setup.Name.Trim();
        Apply(study, setup);
        var now = clock.GetUtcNow();
        RecordUpscaling(study, setup, options, lead.UserName, now);
        StudyChanges.Stamp(study, lead.UserName, now);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException e)
        {
            // The version token caught a change the transaction did not (a database without SQLite's write lock).
            logger.LogWarning(e, "Concurrent change of study {StudyId} while {Lead} saved it", studyId, lead.UserName);
            await transaction.RollbackAsync();
            db.ChangeTracker.Clear();
            return await RefusedFreshAsync(db, studyId, lead, "save", StudyState.Draft, setup.Version);
        }
        await transaction.CommitAsync();
        return OperationResult.Ok;
    }

    public async Task<OperationResult> StartAsync(int studyId, int? expectedVersion = null)
    {
        var lead = await current.RequireAsync(Managers);
        await using var db = await dbs.CreateDbContextAsync();
        if (await LoadAsync(db, studyId, lead, default) is not { } study) return OperationResult.Fail("No such study.");
        if (StudyChanges.Refusal(study, StudyState.Draft, expectedVersion) is { } reason)
            return Refused(studyId, lead, "start", reason);
        var errors = StudySetupValidator.Validate(ToSetup(study), await LoadOptionsAsync(db, default));
        if (errors.Count > 0) return new OperationResult(false, errors);
        // Claims the draft at the version just validated, atomically: two leads pressing Start together freeze the
        // items once, and a set-up saved in between makes this start refuse instead of freezing what it replaced.
        var now = clock.GetUtcNow();
        var claimed = await db.Set<Study>()
            .Where(s => s.Id == studyId && s.State == StudyState.Draft && s.Version == study.Version)
            .ExecuteUpdateAsync(set => set
                .SetProperty(s => s.State, StudyState.Starting)
                .SetProperty(s => s.StartedBy, lead.UserName)
                .SetProperty(s => s.StartedOn, instance.Key)
                .SetProperty(s => s.StartedAt, now)
                .SetProperty(s => s.Version, s => s.Version + 1));
        if (claimed != 1) return await RefusedFreshAsync(db, studyId, lead, "start", StudyState.Draft, study.Version);
        List<StudyItem> items;
        try
        {
            items = await freezer.FreezeAsync(db, study);
        }
        catch (Exception e) when (e is StudySetupException or IOException or Shared.Imaging.ImageDecodeException)
        {
            await TransitionAsync(db.Set<Study>(), studyId, StudyState.Starting, StudyState.Draft, lead.UserName);
            await db.Set<Study>().Where(s => s.Id == studyId)
                .ExecuteUpdateAsync(set => set.SetProperty(s => s.StartedAt, (DateTimeOffset?)null).SetProperty(s => s.StartedBy, (string?)null));
            logger.LogWarning(e, "Study {StudyId} could not start", studyId);
            return OperationResult.Fail($"The study could not start: {e.Message}");
        }
        // Items and the Open state are saved together: a study is open with all its items or a draft without any.
        await using (var transaction = await db.Database.BeginWriteTransactionAsync())
        {
            db.AddRange(items);
            await db.SaveChangesAsync();
            await TransitionAsync(db.Set<Study>(), studyId, StudyState.Starting, StudyState.Open, lead.UserName);
            await transaction.CommitAsync();
        }
        logger.LogInformation("{Lead} started study {StudyId}", lead.UserName, studyId);
        return OperationResult.Ok;
    }

    public Task<OperationResult> PauseAsync(int studyId) => MoveAsync(studyId, "pause", StudyState.Open, StudyState.Paused);

    public Task<OperationResult> ResumeAsync(int studyId) => MoveAsync(studyId, "reopen", StudyState.Paused, StudyState.Open);

    public async Task<OperationResult> CloseAsync(int studyId)
    {
        var lead = await current.RequireAsync(Managers);
        await using var db = await dbs.CreateDbContextAsync();
        var now = clock.GetUtcNow();
        var closed = await db.Set<Study>()
            .Where(s => s.Id == studyId && (s.State == StudyState.Open || s.State == StudyState.Paused || s.State == StudyState.Draft))
            .LedBy(db, lead)
            .ExecuteUpdateAsync(set => set
                .SetProperty(s => s.State, StudyState.Closed)
                .SetProperty(s => s.ClosedAt, now)
                .SetProperty(s => s.ClosedBy, lead.UserName)
                .SetProperty(s => s.Version, s => s.Version + 1));
        return closed == 1 ? OperationResult.Ok : await RefusedFreshAsync(db, studyId, lead, "close", StudyState.Open, null);
    }

    public async Task<OperationResult> AddRatersAsync(int studyId, IReadOnlyList<string> raterIds)
    {
        var lead = await current.RequireAsync(Managers);
        await using var db = await dbs.CreateDbContextAsync();
        await using var transaction = await db.Database.BeginWriteTransactionAsync();
        var study = await db.Set<Study>().LedBy(db, lead).SingleOrDefaultAsync(s => s.Id == studyId);
        if (study is null) return OperationResult.Fail("No such study.");
        if (study.State is not (StudyState.Open or StudyState.Paused))
            return OperationResult.Fail("Raters join an open or paused study; edit a draft instead.");
        var active = (await ActiveRatersAsync(db, default)).Select(r => r.Id).ToHashSet();
        if (raterIds.Any(id => !active.Contains(id))) return OperationResult.Invalid("raterIds", "Only active accounts with the Rater role can join a study.");
        var present = await db.Set<StudyRater>().Where(r => r.StudyId == studyId).Select(r => r.UserId).ToListAsync();
        var joining = raterIds.Distinct().Except(present).ToList();
        if (joining.Count == 0) return OperationResult.Invalid("raterIds", "Choose at least one rater who is not in the study yet.");
        db.Set<StudyRater>().AddRange(joining.Select(id => new StudyRater { StudyId = studyId, UserId = id, OrderSeed = StudyTokens.NewSeed() }));
        StudyChanges.Stamp(study, lead.UserName, clock.GetUtcNow());
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        logger.LogInformation("{Lead} added {Count} raters to study {StudyId}", lead.UserName, joining.Count, studyId);
        return OperationResult.Ok;
    }

    public async Task<(OperationResult Result, int StudyId)> CloneAsync(int studyId)
    {
        var lead = await current.RequireAsync(Managers);
        await using var db = await dbs.CreateDbContextAsync();
        if (await LoadAsync(db, studyId, lead, default) is not { } source) return (OperationResult.Fail("No such study."), 0);
        var setup = ToSetup(source);
        var name = $"{source.Name} (copy)";
        if (name.Length > 200) name = name[..200];
        var now = clock.GetUtcNow();
        var clone = new Study { Name = name, Seed = StudyTokens.NewSeed(), CreatedBy = lead.UserName, CreatedAt = now, UpdatedBy = lead.UserName, UpdatedAt = now };
        // Raters who lost the role or were disabled since are dropped rather than failing the clone.
        var active = (await ActiveRatersAsync(db, default)).Select(r => r.Id).ToHashSet();
        setup.RaterIds = setup.RaterIds.Where(active.Contains).ToList();
        Apply(clone, setup);
        // An override is the cloning lead's decision for the new study, recorded as theirs.
        RecordUpscaling(clone, setup, await LoadOptionsAsync(db, default), lead.UserName, now);
        db.Add(clone);
        await db.SaveChangesAsync();
        return (OperationResult.Ok, clone.Id);
    }

    public async Task<OperationResult> SetRaterExcludedAsync(int studyId, string raterUserName, bool excluded)
    {
        var lead = await current.RequireAsync(Managers);
        await using var db = await dbs.CreateDbContextAsync();
        var state = await db.Set<Study>().Where(s => s.Id == studyId).LedBy(db, lead).Select(s => (StudyState?)s.State).SingleOrDefaultAsync();
        if (state is null) return OperationResult.Fail("No such study.");
        if (state is StudyState.Draft or StudyState.Starting) return OperationResult.Fail("Raters are excluded from a started study's statistics.");
        var raterId = await (
                from r in db.Set<StudyRater>()
                join u in db.Users on r.UserId equals u.Id
                where r.StudyId == studyId && u.UserName == raterUserName
                select r.UserId)
            .SingleOrDefaultAsync();
        if (raterId is null) return OperationResult.Fail($"{raterUserName} is not a rater of this study.");
        // The state it depends on is checked in the UPDATE that changes it: of two leads at once, one changes it and
        // the other is told, instead of overwriting who excluded the rater and when.
        var (by, at) = excluded ? (lead.UserName, clock.GetUtcNow()) : ((string?)null, (DateTimeOffset?)null);
        var changed = await db.Set<StudyRater>()
            .Where(r => r.StudyId == studyId && r.UserId == raterId && (excluded ? r.ExcludedAt == null : r.ExcludedAt != null))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ExcludedBy, by).SetProperty(r => r.ExcludedAt, at));
        if (changed == 0) return OperationResult.Fail(excluded ? $"{raterUserName} is already excluded." : $"{raterUserName} is not excluded.");
        logger.LogInformation("{Lead} {Action} rater {Rater} of study {StudyId}", lead.UserName, excluded ? "excluded" : "included", raterUserName, studyId);
        events.Publish(new RaterExclusionChanged(studyId));
        return OperationResult.Ok;
    }

    public async Task<IReadOnlyList<RatingRow>> GetRatingsAsync(int studyId, CancellationToken ct = default)
    {
        var caller = await current.RequireAsync(Managers, ct);
        await using (var db = await dbs.CreateDbContextAsync(ct))
        {
            if (!await db.Set<Study>().Where(s => s.Id == studyId).LedBy(db, caller).AnyAsync(ct)) return [];
        }
        return await ratings.ReadAsync(studyId, ct) ?? [];
    }

    public async Task<OperationResult> SetCoLeadsAsync(int studyId, IReadOnlyList<string> leadIds, int? expectedVersion = null)
    {
        var caller = await current.RequireAsync(Managers);
        await using var db = await dbs.CreateDbContextAsync();
        await using var transaction = await db.Database.BeginWriteTransactionAsync();
        var study = await db.Set<Study>().LedBy(db, caller).Include(s => s.CoLeads).SingleOrDefaultAsync(s => s.Id == studyId);
        if (study is null) return OperationResult.Fail("No such study.");
        if (!StudyAccess.CanShare(study, caller))
            return OperationResult.Fail($"Only {study.CreatedBy}, who owns this study, or an admin names its co-leads.");
        // Two people naming co-leads from the same list: the second is told, not silently overwriting the first.
        if (StudyChanges.Refusal(study, study.State, expectedVersion) is { } changed) return Refused(studyId, caller, "share", changed);
        var leads = await ActiveAccountsAsync(db, Roles.Lead, default);
        var chosen = leadIds.Distinct().ToList();
        if (chosen.Any(id => !leads.Any(l => l.Id == id)))
            return OperationResult.Invalid("leadIds", "Only active accounts with the Lead role can co-lead a study.");
        if (leads.Any(l => l.UserName == study.CreatedBy && chosen.Contains(l.Id)))
            return OperationResult.Invalid("leadIds", $"{study.CreatedBy} owns this study already.");
        study.CoLeads.RemoveAll(l => !chosen.Contains(l.UserId));
        study.CoLeads.AddRange(chosen.Where(id => study.CoLeads.All(l => l.UserId != id)).Select(id => new StudyLead { StudyId = studyId, UserId = id }));
        StudyChanges.Stamp(study, caller.UserName, clock.GetUtcNow());
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        logger.LogInformation("{Caller} set the co-leads of study {StudyId} to {Count} leads", caller.UserName, studyId, chosen.Count);
        return OperationResult.Ok;
    }

    private async Task<OperationResult> MoveAsync(int studyId, string action, StudyState from, StudyState to)
    {
        var lead = await current.RequireAsync(Managers);
        await using var db = await dbs.CreateDbContextAsync();
        return await TransitionAsync(db.Set<Study>().LedBy(db, lead), studyId, from, to, lead.UserName)
            ? OperationResult.Ok
            : await RefusedFreshAsync(db, studyId, lead, action, from, null);
    }

    /// <summary>Moves the study from one state to another in one conditional update over <paramref name="studies"/>.</summary>
    private async Task<bool> TransitionAsync(IQueryable<Study> studies, int studyId, StudyState from, StudyState to, string by)
    {
        var now = clock.GetUtcNow();
        return await studies.Where(s => s.Id == studyId && s.State == from)
            .ExecuteUpdateAsync(set => set
                .SetProperty(s => s.State, to)
                .SetProperty(s => s.UpdatedBy, by)
                .SetProperty(s => s.UpdatedAt, now)
                .SetProperty(s => s.Version, s => s.Version + 1)) == 1;
    }

    /// <summary>The reason a change was refused, read from the study as it is now.</summary>
    private async Task<OperationResult> RefusedFreshAsync(
        StudioDbContext db, int studyId, CallerAccount lead, string action, StudyState expected, int? version)
    {
        var study = await db.Set<Study>().LedBy(db, lead).AsNoTracking().SingleOrDefaultAsync(s => s.Id == studyId);
        if (study is null) return OperationResult.Fail("No such study.");
        return Refused(studyId, lead, action, StudyChanges.Refusal(study, expected, version)
            ?? $"This study is {study.State.ToString().ToLowerInvariant()}; reload to see it.");
    }

    private OperationResult Refused(int studyId, CallerAccount lead, string action, string reason)
    {
        logger.LogInformation("Refused to {Action} study {StudyId} for {Lead}: {Reason}", action, studyId, lead.UserName, reason);
        return OperationResult.Fail(reason);
    }

    private static Task<Study?> LoadAsync(StudioDbContext db, int studyId, CallerAccount caller, CancellationToken ct) =>
        db.Set<Study>().LedBy(db, caller).Include(s => s.Pools).Include(s => s.Raters).SingleOrDefaultAsync(s => s.Id == studyId, ct);

    /// <summary>What a set-up can use: ready datasets and pools (asked of their features), and active accounts.</summary>
    private async Task<StudySetupOptions> LoadOptionsAsync(StudioDbContext db, CancellationToken ct)
    {
        var datasets = await datasetReader.ReadyAsync(ct);
        var pools = await poolReader.ChoicesAsync(ct);
        return new StudySetupOptions(datasets, pools, await ActiveRatersAsync(db, ct)) { Leads = await ActiveAccountsAsync(db, Roles.Lead, ct) };
    }

    /// <summary>Accounts with the Rater role that are not disabled, by name (what set-up, clone and joining accept).</summary>
    private static Task<List<RaterChoice>> ActiveRatersAsync(StudioDbContext db, CancellationToken ct) => ActiveAccountsAsync(db, Roles.Rater, ct);

    /// <summary>Accounts with <paramref name="role"/> that are not disabled, by name.</summary>
    private static async Task<List<RaterChoice>> ActiveAccountsAsync(StudioDbContext db, string role, CancellationToken ct) =>
        await (
                from ur in db.UserRoles
                join r in db.Roles on ur.RoleId equals r.Id
                join u in db.Users on ur.UserId equals u.Id
                where r.Name == role && !u.IsDisabled
                orderby u.UserName
                select new RaterChoice(u.Id, u.UserName!))
            .ToListAsync(ct);

    private static void Apply(Study study, StudySetup setup)
    {
        study.Instructions = setup.Instructions.Trim();
        study.Task = setup.Task;
        var diagnosis = setup.Task == RatingTask.Diagnosis;
        study.AskDiagnosis = diagnosis && setup.AskDiagnosis;
        study.RealClassMix = diagnosis ? ClassMix.Format(setup.RealClassCounts) : null;
        study.RealCount = setup.RealCount;
        var reals = setup.RealCount + setup.CatchReals + setup.PracticeReals > 0;
        study.RealDatasetId = reals ? setup.RealDatasetId : null;
        study.RealLabel = reals && !diagnosis && !string.IsNullOrWhiteSpace(setup.RealLabel) ? setup.RealLabel : null;
        study.PresentationSize = setup.PresentationSize;
        study.RepeatShare = setup.RepeatShare;
        study.Feedback = setup.Feedback;
        study.Mode = setup.Mode;
        (study.ExposureMs, study.StaircaseStartMs, study.StaircaseMinMs, study.StaircaseMaxMs) =
            (setup.ExposureMs, setup.StaircaseStartMs, setup.StaircaseMinMs, setup.StaircaseMaxMs);
        (study.PracticeCount, study.PracticePassMark, study.CatchCount) =
            (setup.PracticeCount, setup.PracticeCount > 0 ? setup.PracticePassMark : null, setup.CatchCount);
        // A diagnosis study asks for a diagnosis, not for artifacts: its letter keys pick the diagnosis.
        study.ArtifactTags = diagnosis ? [] : setup.ArtifactTags.Select(t => t.Trim()).ToList();
        // Rows are updated in place rather than cleared and re-added: EF cannot track a deleted and a new
        // row with the same key at once, and a rater who stays keeps their order seed.
        var counts = setup.Pools.Where(p => p.Count > 0).ToDictionary(p => p.PoolId);
        study.Pools.RemoveAll(p => !counts.ContainsKey(p.PoolId));
        foreach (var (poolId, chosen) in counts)
        {
            var source = study.Pools.Find(p => p.PoolId == poolId);
            if (source is null) study.Pools.Add(source = new StudyPoolSource { PoolId = poolId });
            (source.Count, source.SourceName) = (chosen.Count, string.IsNullOrWhiteSpace(chosen.Source) ? null : chosen.Source.Trim());
        }
        var raterIds = setup.RaterIds.Distinct().ToList();
        study.Raters.RemoveAll(r => !raterIds.Contains(r.UserId));
        foreach (var id in raterIds.Where(id => study.Raters.TrueForAll(r => r.UserId != id)))
            study.Raters.Add(new StudyRater { UserId = id, OrderSeed = StudyTokens.NewSeed() });
    }

    /// <summary>
    /// Records the lead's upscaling override on the study, or clears it: kept only while the size really upscales a
    /// source; who and when change only when the reason or what it lets through changes.
    /// </summary>
    private static void RecordUpscaling(Study study, StudySetup setup, StudySetupOptions options, string lead, DateTimeOffset now)
    {
        var upscaled = PresentationRules.Upscaled(StudySetupValidator.Sources(setup, options), setup.PresentationSize);
        if (!setup.AllowUpscaling || upscaled.Count == 0 || string.IsNullOrWhiteSpace(setup.UpscalingReason))
        {
            (study.UpscalingReason, study.UpscalingAllowedBy, study.UpscalingAllowedAt, study.UpscaledSources) = (null, null, null, null);
            return;
        }
        var reason = setup.UpscalingReason.Trim();
        var sources = string.Join("; ", upscaled);
        if (study.UpscalingReason == reason && study.UpscaledSources == sources) return;
        (study.UpscalingReason, study.UpscalingAllowedBy, study.UpscalingAllowedAt, study.UpscaledSources) = (reason, lead, now, sources);
    }

    private static StudySetup ToSetup(Study study) => new()
    {
        Name = study.Name,
        Instructions = study.Instructions,
        Task = study.Task,
        AskDiagnosis = study.AskDiagnosis,
        RealClassCounts = ClassMix.Parse(study.RealClassMix),
        RealDatasetId = study.RealDatasetId,
        RealLabel = study.RealLabel,
        RealCount = study.RealCount,
        Pools = study.Pools.Select(p => new StudyPoolCount { PoolId = p.PoolId, Count = p.Count, Source = p.SourceName }).ToList(),
        PresentationSize = study.PresentationSize,
        AllowUpscaling = study.UpscalingReason is not null,
        UpscalingReason = study.UpscalingReason,
        RaterIds = study.Raters.Select(r => r.UserId).ToList(),
        ArtifactTags = [.. study.ArtifactTags],
        RepeatShare = study.RepeatShare,
        Feedback = study.Feedback,
        Mode = study.Mode,
        ExposureMs = study.ExposureMs,
        StaircaseStartMs = study.StaircaseStartMs,
        StaircaseMinMs = study.StaircaseMinMs,
        StaircaseMaxMs = study.StaircaseMaxMs,
        PracticeCount = study.PracticeCount,
        PracticePassMark = study.PracticePassMark,
        CatchCount = study.CatchCount,
        Version = study.Version,
    };
}
