using MelanoGans.Client.Services;
using MelanoGans.Server.Data;
using MelanoGans.Server.Identity;
using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Contracts.Events;
using MelanoGans.Shared.Contracts.Studies;
using MelanoGans.Shared.Studies;
using Microsoft.EntityFrameworkCore;

namespace MelanoGans.Server.Studies;

/// <summary>
/// The rater's workflow behind the rating page. The rater is the signed-in user; the order is the
/// rater's seeded sequence; each answer is committed before the call returns, and the unique index on
/// (study, rater, item, repeat) makes a second submit of the same place harmless.
/// </summary>
internal sealed class RatingSession(
    IDbContextFactory<StudioDbContext> dbs,
    CurrentUser current,
    TimeProvider clock,
    IStudioEvents events,
    ILogger<RatingSession> logger) : IRatingSession
{
    /// <summary>The longest comment kept.</summary>
    public const int MaxCommentLength = 2000;

    /// <summary>
    /// One frame at 60 Hz, rounded up: an exposure measured further than this from its target is flagged
    /// (<see cref="Answer.ExposureMissed"/>): the screen or the browser could not show it as asked.
    /// </summary>
    public const int FrameToleranceMs = 17;

    // Per scope, that is per circuit: the frozen items and this rater's sequence of each study opened.
    private readonly Dictionary<int, (List<StudyItem> Items, IReadOnlyList<SequenceSlot> Sequence)> _frozen = [];

    private sealed record Context(Study Study, IReadOnlyList<StudyItem> Items, IReadOnlyList<SequenceSlot> Sequence, HashSet<int> Answered)
    {
        public int FirstUnanswered() => Enumerable.Range(0, Sequence.Count).FirstOrDefault(p => !Answered.Contains(p), Sequence.Count);
    }

    public async Task<IReadOnlyList<AssignedStudy>> ListAssignedAsync(CancellationToken ct = default)
    {
        var userId = (await current.RequireAsync(Roles.Rater, ct)).Id;
        await using var db = await dbs.CreateDbContextAsync(ct);
        var studies = await (
                from r in db.Set<StudyRater>()
                join s in db.Set<Study>() on r.StudyId equals s.Id
                where r.UserId == userId && (s.State == StudyState.Open || s.State == StudyState.Paused || s.State == StudyState.Closed)
                orderby s.Id descending
                select new { s.Id, s.Name, s.State, s.RepeatShare })
            .ToListAsync(ct);
        var ids = studies.Select(s => s.Id).ToList();
        var itemCounts = await db.Set<StudyItem>().Where(i => ids.Contains(i.StudyId)).GroupBy(i => i.StudyId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var answered = await db.Set<Answer>().Where(a => a.RaterId == userId && ids.Contains(a.StudyId)).GroupBy(a => a.StudyId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return studies.Select(s =>
        {
            var items = itemCounts.GetValueOrDefault(s.Id);
            return new AssignedStudy(s.Id, s.Name, s.State, answered.GetValueOrDefault(s.Id),
                items + RaterSequence.RepeatCount(items, s.RepeatShare));
        }).ToList();
    }

    public async Task<RatingStep?> GetStepAsync(int studyId, CancellationToken ct = default)
    {
        var userId = (await current.RequireAsync(Roles.Rater, ct)).Id;
        await using var db = await dbs.CreateDbContextAsync(ct);
        if (await LoadAsync(db, userId, studyId, ct) is not { } context) return null;
        var study = context.Study;
        var position = context.FirstUnanswered();
        var next = Enumerable.Range(position + 1, Math.Max(0, context.Sequence.Count - position - 1))
            .FirstOrDefault(p => !context.Answered.Contains(p), context.Sequence.Count);
        var places = new[] { position, next }.Where(p => p < context.Sequence.Count).ToList();
        var showings = await ShowingsAsync(db, context, userId, places, ct);
        string? Url(int p) => study.State == StudyState.Open && showings.TryGetValue(p, out var showing)
            ? StudyEndpoints.ImageUrl(showing.Token)
            : null;
        var draft = showings.TryGetValue(position, out var here) && (here.DraftResponse is not null || here.DraftTags.Count > 0 || here.DraftComment is not null)
            ? new RatingDraft(study.Id, position, here.DraftResponse, here.DraftTags, here.DraftComment)
            : null;
        return new RatingStep(study.Id, study.Name, study.Instructions, study.State, study.ArtifactTags, position,
            context.Answered.Count, context.Sequence.Count, Url(position), Url(next), draft,
            study.Mode, await TargetExposureAsync(db, study, userId, ct));
    }

    public async Task<OperationResult> SaveDraftAsync(RatingDraft draft)
    {
        var userId = (await current.RequireAsync(Roles.Rater)).Id;
        ArgumentNullException.ThrowIfNull(draft);
        await using var db = await dbs.CreateDbContextAsync();
        if (await LoadAsync(db, userId, draft.StudyId, default) is not { } context)
            return OperationResult.Fail("You are not a rater of this study.");
        if (context.Study.State != StudyState.Open) return OperationResult.Fail("The study is not open for answers.");
        if (draft.Position != context.FirstUnanswered() || draft.Position >= context.Sequence.Count)
            return OperationResult.Fail("This image is not the one waiting for your answer.");
        if (draft.Response is < 1 or > 6) return OperationResult.Fail("The answer must be between 1 and 6.");
        var tags = (draft.Tags ?? []).Distinct().ToList();
        if (tags.Any(t => !context.Study.ArtifactTags.Contains(t))) return OperationResult.Fail("Unknown artifact tag.");
        var comment = string.IsNullOrWhiteSpace(draft.Comment) ? null : draft.Comment;
        if (comment?.Length > MaxCommentLength) return OperationResult.Fail($"The comment is longer than {MaxCommentLength} characters.");
        var id = (await ShowingsAsync(db, context, userId, [draft.Position], default))[draft.Position].Id;
        db.ChangeTracker.Clear();
        var showing = await db.Set<StudyShowing>().SingleAsync(s => s.Id == id);
        (showing.DraftResponse, showing.DraftTags, showing.DraftComment) = (draft.Response, tags, comment);
        await db.SaveChangesAsync();
        return OperationResult.Ok;
    }

    /// <summary>
    /// The showings of <paramref name="places"/>, each created with a fresh token the first time its place is
    /// shown. Two devices of the same rater asking at once both end with the token written first.
    /// </summary>
    private static async Task<Dictionary<int, StudyShowing>> ShowingsAsync(
        StudioDbContext db, Context context, string userId, IReadOnlyList<int> places, CancellationToken ct)
    {
        var studyId = context.Study.Id;
        for (var attempt = 0; ; attempt++)
        {
            var showings = await db.Set<StudyShowing>().AsNoTracking()
                .Where(s => s.StudyId == studyId && s.RaterId == userId && places.Contains(s.Position))
                .ToDictionaryAsync(s => s.Position, ct);
            var missing = places.Where(p => !showings.ContainsKey(p)).ToList();
            if (missing.Count == 0) return showings;
            var created = missing.Select(p => new StudyShowing
            {
                StudyId = studyId, RaterId = userId, Position = p,
                ItemId = context.Items[context.Sequence[p].ItemIndex].Id, Token = StudyTokens.NewToken(),
            }).ToList();
            db.AddRange(created);
            try
            {
                await db.SaveChangesAsync(ct);
                foreach (var showing in created) showings[showing.Position] = showing;
                return showings;
            }
            catch (DbUpdateException e) when (e.IsUniqueViolation() && attempt < 3)
            {
                // A unique index refused it: another request of this rater created the place first; read theirs.
                db.ChangeTracker.Clear();
            }
        }
    }

    public async Task<SubmitResult> SubmitAsync(AnswerSubmission answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var userId = (await current.RequireAsync(Roles.Rater)).Id;
        await using var db = await dbs.CreateDbContextAsync();
        if (await LoadAsync(db, userId, answer.StudyId, default) is not { } context)
            return new SubmitResult(SubmitOutcome.NotAssigned, "You are not a rater of this study.");
        var study = context.Study;
        if (study.State != StudyState.Open)
            return new SubmitResult(SubmitOutcome.StudyNotOpen, "The study is not open for answers.");
        if (answer.Position < 0 || answer.Position >= context.Sequence.Count)
            return new SubmitResult(SubmitOutcome.Invalid, "There is no such image in your sequence.");
        if (context.Answered.Contains(answer.Position))
            return new SubmitResult(SubmitOutcome.AlreadyAnswered, "This image was already answered; answers are locked.");
        if (answer.Position != context.FirstUnanswered())
            return new SubmitResult(SubmitOutcome.Invalid, "Answer the images in the order shown.");
        if (answer.Response is < 1 or > 6)
            return new SubmitResult(SubmitOutcome.Invalid, "The answer must be between 1 and 6.");
        var tags = answer.Tags.Distinct().ToList();
        if (tags.Any(t => !study.ArtifactTags.Contains(t)))
            return new SubmitResult(SubmitOutcome.Invalid, "Unknown artifact tag.");
        var comment = string.IsNullOrWhiteSpace(answer.Comment) ? null : answer.Comment.Trim();
        if (comment?.Length > MaxCommentLength)
            return new SubmitResult(SubmitOutcome.Invalid, $"The comment is longer than {MaxCommentLength} characters.");

        var target = await TargetExposureAsync(db, study, userId, default);
        if (target is not null && answer.ExposureMs is not ({ } measured and >= 0 and <= StudySetupValidator.MaxExposureMs * 2))
            return new SubmitResult(SubmitOutcome.Invalid, "The exposure of the image was not measured; reload the page.");
        var exposure = target is null ? null : answer.ExposureMs;

        var slot = context.Sequence[answer.Position];
        var item = context.Items[slot.ItemIndex];
        var now = clock.GetUtcNow();
        db.Add(new Answer
        {
            StudyId = study.Id,
            RaterId = userId,
            ItemId = item.Id,
            RepeatIndex = slot.RepeatIndex,
            Position = answer.Position,
            Response = answer.Response,
            Tags = tags,
            Comment = comment,
            // The page's clock is the server's (Blazor Server), but never trust a time after the answer.
            StartedAt = answer.StartedAt > now ? now : answer.StartedAt,
            AnsweredAt = now,
            ActiveMs = Math.Clamp(answer.ActiveMs, 0, (long)Math.Max(0, (now - answer.StartedAt).TotalMilliseconds)),
            Mode = study.Mode,
            TargetExposureMs = target,
            ExposureMs = exposure,
            ExposureMissed = target is not null && Math.Abs(exposure!.Value - target.Value) > FrameToleranceMs,
        });
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // A unique index refused it: a concurrent submit of the same place won; its answer stands.
            logger.LogInformation("Duplicate answer to study {StudyId} position {Position} ignored", study.Id, answer.Position);
            return new SubmitResult(SubmitOutcome.AlreadyAnswered, "This image was already answered; answers are locked.");
        }
        events.Publish(new AnswerRecorded(study.Id));
        return new SubmitResult(SubmitOutcome.Saved, null, study.Feedback ? item.Truth : null);
    }

    /// <summary>
    /// The exposure the rater's next image gets: the study's for fixed exposure; for a staircase, the shared rule
    /// (<see cref="ExposureStaircase"/>) replayed over the rater's counted staircase answers in sequence order with their
    /// measured exposures; null when untimed.
    /// </summary>
    private static async Task<int?> TargetExposureAsync(StudioDbContext db, Study study, string userId, CancellationToken ct)
    {
        switch (study.Mode)
        {
            case RatingMode.Fixed:
                return study.ExposureMs;
            case RatingMode.Staircase:
                var history = await (
                        from a in db.Set<Answer>().AsNoTracking()
                        join i in db.Set<StudyItem>() on a.ItemId equals i.Id
                        where a.StudyId == study.Id && a.RaterId == userId && a.Mode == RatingMode.Staircase && !a.IsPractice && !a.IsCatch
                        orderby a.Position
                        select new { a.Response, i.Truth, a.ExposureMs })
                    .ToListAsync(ct);
                var staircase = new ExposureStaircase(study.Staircase);
                foreach (var answer in history)
                    staircase.Record(answer.Response <= 3 == (answer.Truth == RatingTruth.Fake), answer.ExposureMs);
                return (int)Math.Round(staircase.ExposureMs);
            default:
                return null;
        }
    }

    private async Task<Context?> LoadAsync(StudioDbContext db, string userId, int studyId, CancellationToken ct)
    {
        // The study row is read every time: a lead may pause or close it while the rater works.
        var study = await db.Set<Study>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == studyId, ct);
        if (study is null || study.State is StudyState.Draft or StudyState.Starting) return null;
        if (!_frozen.TryGetValue(studyId, out var frozen))
        {
            var assignment = await db.Set<StudyRater>().AsNoTracking()
                .SingleOrDefaultAsync(r => r.StudyId == studyId && r.UserId == userId, ct);
            if (assignment is null) return null;
            // Items in id order are the fixed list the seeded sequence indexes into; ids were given in
            // shuffled order. A started study's items never change, so a circuit reads them once.
            var items = await db.Set<StudyItem>().AsNoTracking().Where(i => i.StudyId == studyId).OrderBy(i => i.Id).ToListAsync(ct);
            frozen = (items, RaterSequence.Build(items.Count, study.RepeatShare, (ulong)assignment.OrderSeed));
            _frozen[studyId] = frozen;
        }
        // Answers are read every time: the same rater may be answering on another device.
        var answered = await db.Set<Answer>().Where(a => a.StudyId == studyId && a.RaterId == userId)
            .Select(a => a.Position).ToListAsync(ct);
        return new Context(study, frozen.Items, frozen.Sequence, [.. answered]);
    }
}
