using MelanoGans.Client.Services;
using MelanoGans.Server.Data;
using MelanoGans.Server.Identity;
using MelanoGans.Shared.Contracts;
using MelanoGans.Shared.Contracts.Events;
using MelanoGans.Shared.Contracts.Studies;
using MelanoGans.Shared.Datasets;
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
    RaterGate gate,
    ILogger<RatingSession> logger) : IRatingSession
{
    /// <summary>The longest comment kept.</summary>
    public const int MaxCommentLength = 2000;

    /// <summary>
    /// One frame at 60 Hz, rounded up: an exposure measured further than this from its target is flagged
    /// (<see cref="Answer.ExposureMissed"/>): the screen or the browser could not show it as asked.
    /// </summary>
    public const int FrameToleranceMs = TimedExposure.FrameToleranceMs;

    // Per scope, that is per circuit: the frozen items of each study opened and this rater's order seed.
    private readonly Dictionary<int, (List<StudyItem> Items, List<TrialItem> TrialItems, ulong Seed)> _frozen = [];

    private sealed record Context(Study Study, IReadOnlyList<StudyItem> Items, IReadOnlyList<Trial> Sequence, HashSet<int> Answered, int PracticeLength)
    {
        /// <summary>Whether each practice answer, by position, was right.</summary>
        public IReadOnlyDictionary<int, bool> Correct { get; init; } = new Dictionary<int, bool>();

        public int FirstUnanswered() => Enumerable.Range(0, Sequence.Count).FirstOrDefault(p => !Answered.Contains(p), Sequence.Count);

        /// <summary>The left and right items of a trial: the one image of a 6-point trial is on the left.</summary>
        public (StudyItem Left, StudyItem? Right) Sides(Trial trial)
        {
            var item = Items[trial.ItemIndex];
            if (trial.RealIndex is not { } realIndex) return (item, null);
            var real = Items[realIndex];
            return trial.FakeOnLeft ? (item, real) : (real, item);
        }
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
                select new { s.Id, s.Name, s.State, s.RepeatShare, s.Mode })
            .ToListAsync(ct);
        var ids = studies.Select(s => s.Id).ToList();
        var lengths = await StudyLengths.CountedAsync(db, ids, ct);
        // Practice answers are not counted: the list shows the study's own progress.
        var answered = await db.Set<Answer>().Where(a => a.RaterId == userId && ids.Contains(a.StudyId) && !a.IsPractice).GroupBy(a => a.StudyId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return studies.Select(s => new AssignedStudy(s.Id, s.Name, s.State, answered.GetValueOrDefault(s.Id), lengths.GetValueOrDefault(s.Id), s.Mode)).ToList();
    }

    public async Task<RatingStep?> GetStepAsync(int studyId, CancellationToken ct = default)
    {
        var userId = (await current.RequireAsync(Roles.Rater, ct)).Id;
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await LoadAsync(db, userId, studyId, ct) is { } context ? await StepAsync(db, context, userId, ct) : null;
    }

    /// <summary>The first unanswered place of the rater's sequence, with the image after it for preloading.</summary>
    private static async Task<RatingStep> StepAsync(StudioDbContext db, Context context, string userId, CancellationToken ct)
    {
        var study = context.Study;
        var position = context.FirstUnanswered();
        var next = Enumerable.Range(position + 1, Math.Max(0, context.Sequence.Count - position - 1))
            .FirstOrDefault(p => !context.Answered.Contains(p), context.Sequence.Count);
        var places = new[] { position, next }.Where(p => p < context.Sequence.Count).ToList();
        var showings = await ShowingsAsync(db, context, userId, places, ct);
        string? Url(int p, bool right = false) => study.State == StudyState.Open && showings.TryGetValue(p, out var showing)
            ? (right ? showing.PairToken : showing.Token) is { } token ? StudyEndpoints.ImageUrl(token) : null
            : null;
        var practiceRound = position < context.Sequence.Count && context.Sequence[position].Role == ItemRole.Practice
            ? context.Sequence[position].RepeatIndex + 1
            : (int?)null;
        var draft = showings.TryGetValue(position, out var here)
            && (here.DraftResponse is not null || here.DraftTags.Count > 0 || here.DraftComment is not null || here.DraftDiagnosis is not null)
            ? new RatingDraft(study.Id, position, here.DraftResponse, here.DraftTags, here.DraftComment, here.DraftDiagnosis)
            : null;
        return new RatingStep(study.Id, study.Name, study.Instructions, study.State, study.ArtifactTags, position,
            context.Answered.Count, context.Sequence.Count, Url(position), Url(next), draft,
            study.Mode, await TargetExposureAsync(db, study, userId, ct), Url(position, right: true), Url(next, right: true),
            practiceRound, study.PracticePassMark, here?.ShownExposureMs, context.PracticeLength, study.Task, study.AskDiagnosis);
    }

    public async Task<OperationResult> MarkShownAsync(int studyId, int position, int exposureMs)
    {
        var userId = (await current.RequireAsync(Roles.Rater)).Id;
        if (exposureMs is < 0 or > StudySetupValidator.MaxExposureMs * 2) return OperationResult.Fail("The exposure is out of range.");
        await using var db = await dbs.CreateDbContextAsync();
        var now = clock.GetUtcNow();
        // Only the first record stands: a second tab or a late call cannot move the time or the exposure.
        var marked = await db.Set<StudyShowing>()
            .Where(s => s.StudyId == studyId && s.RaterId == userId && s.Position == position && s.ShownAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.ShownAt, now).SetProperty(s => s.ShownExposureMs, exposureMs));
        return marked == 1 ? OperationResult.Ok : OperationResult.Fail("This image was already shown, or is not yours.");
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
        if (context.Sequence[draft.Position].Paired) return OperationResult.Fail("A paired choice is answered with one key; it has no draft.");
        if (draft.Response is < 1 or > 6) return OperationResult.Fail("The answer must be between 1 and 6.");
        var tags = (draft.Tags ?? []).Distinct().ToList();
        if (tags.Any(t => !context.Study.ArtifactTags.Contains(t))) return OperationResult.Fail("Unknown artifact tag.");
        var comment = string.IsNullOrWhiteSpace(draft.Comment) ? null : draft.Comment;
        if (comment?.Length > MaxCommentLength) return OperationResult.Fail($"The comment is longer than {MaxCommentLength} characters.");
        string? diagnosis = null;
        if (draft.Diagnosis is not null && (!context.Study.AskDiagnosis || !TryDiagnosis(draft.Diagnosis, out diagnosis)))
            return OperationResult.Fail(PickADiagnosis);
        var id = (await ShowingsAsync(db, context, userId, [draft.Position], default))[draft.Position].Id;
        db.ChangeTracker.Clear();
        var showing = await db.Set<StudyShowing>().SingleAsync(s => s.Id == id);
        (showing.DraftResponse, showing.DraftTags, showing.DraftComment, showing.DraftDiagnosis) = (draft.Response, tags, comment, diagnosis);
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
            // A place made for the next image before a failed practice round moved the sequence on shows another item
            // now: its showing (never answered: only unanswered places are asked for) is dropped and made afresh.
            var stale = showings.Values.Where(s => (s.ItemId, s.PairItemId) != Ids(context.Sides(context.Sequence[s.Position]))).ToList();
            if (stale.Count > 0)
            {
                var ids = stale.Select(s => s.Id).ToList();
                await db.Set<StudyShowing>().Where(s => ids.Contains(s.Id)).ExecuteDeleteAsync(ct);
                foreach (var showing in stale) showings.Remove(showing.Position);
            }
            var missing = places.Where(p => !showings.ContainsKey(p)).ToList();
            if (missing.Count == 0) return showings;
            var created = missing.Select(p =>
            {
                var (left, right) = context.Sides(context.Sequence[p]);
                return new StudyShowing
                {
                    StudyId = studyId, RaterId = userId, Position = p, ItemId = left.Id, Token = StudyTokens.NewToken(),
                    PairItemId = right?.Id, PairToken = right is null ? null : StudyTokens.NewToken(),
                };
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

    private static (long, long?) Ids((StudyItem Left, StudyItem? Right) sides) => (sides.Left.Id, sides.Right?.Id);

    public async Task<SubmitResult> SubmitAsync(AnswerSubmission answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var userId = (await current.RequireAsync(Roles.Rater)).Id;
        // The rater's submits one at a time: a second press reads the first's answer below.
        using var turn = await gate.EnterAsync(answer.StudyId, userId);
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
        var trial = context.Sequence[answer.Position];
        if (trial.Paired && answer.PickedLeft is null)
            return new SubmitResult(SubmitOutcome.Invalid, "Pick the image you think is real: left or right.");
        if (!trial.Paired && answer.Response is < 1 or > 6)
            return new SubmitResult(SubmitOutcome.Invalid, "The answer must be between 1 and 6.");
        var tags = trial.Paired ? [] : answer.Tags.Distinct().ToList();
        if (tags.Any(t => !study.ArtifactTags.Contains(t)))
            return new SubmitResult(SubmitOutcome.Invalid, "Unknown artifact tag.");
        var comment = string.IsNullOrWhiteSpace(answer.Comment) ? null : answer.Comment.Trim();
        if (comment?.Length > MaxCommentLength)
            return new SubmitResult(SubmitOutcome.Invalid, $"The comment is longer than {MaxCommentLength} characters.");
        string? diagnosis = null;
        if (study.AskDiagnosis && !TryDiagnosis(answer.Diagnosis, out diagnosis))
            return new SubmitResult(SubmitOutcome.Invalid, PickADiagnosis);

        var target = await TargetExposureAsync(db, study, userId, default);
        if (target is not null && answer.ExposureMs is not ({ } measured and >= 0 and <= StudySetupValidator.MaxExposureMs * 2))
            return new SubmitResult(SubmitOutcome.Invalid, "The exposure of the image was not measured; reload the page.");
        var exposure = target is null ? null : answer.ExposureMs;

        var item = context.Items[trial.ItemIndex];
        // A paired trial's answer: the truth of the image picked as real (the fake is picked when its side is).
        RatingTruth? chosen = trial.Paired ? answer.PickedLeft == trial.FakeOnLeft ? RatingTruth.Fake : RatingTruth.Real : null;
        var now = clock.GetUtcNow();
        db.Add(new Answer
        {
            StudyId = study.Id,
            RaterId = userId,
            ItemId = item.Id,
            RepeatIndex = trial.RepeatIndex,
            Position = answer.Position,
            Response = trial.Paired ? RatingRow.NoResponse : answer.Response,
            Diagnosis = diagnosis,
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
            IsPractice = trial.Role == ItemRole.Practice,
            IsCatch = trial.Role == ItemRole.Catch,
            Chosen = chosen,
            PairItemId = trial.RealIndex is { } realIndex ? context.Items[realIndex].Id : null,
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
        var practice = trial.Role == ItemRole.Practice;
        // The next step in the same call: read again, as a practice answer can move the sequence on.
        db.ChangeTracker.Clear();
        var next = await LoadAsync(db, userId, study.Id, default) is { } after ? await StepAsync(db, after, userId, default) : null;
        var told = study.Feedback || practice;
        var diagnosisStudy = study.Task == RatingTask.Diagnosis;
        return new SubmitResult(SubmitOutcome.Saved, null, told && !diagnosisStudy ? chosen ?? item.Truth : null,
            practice ? PracticeNote(context, answer.Position, PracticeRounds.IsRight(study.Task, chosen, answer.Response, item.Truth, item.Class)) : null, next)
        {
            Class = told && diagnosisStudy ? item.Class : null,
        };
    }

    private const string PickADiagnosis = "Pick a diagnosis: melanoma, nevus or seborrheic keratosis.";

    /// <summary>A diagnosis pick in any spelling the dataset importer reads, as its ISIC name; false when it names no class.</summary>
    private static bool TryDiagnosis(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? isicName)
    {
        isicName = LesionClassNames.TryParse(text, out var picked) ? picked.Value.ToIsicName() : null;
        return isicName is not null;
    }

    /// <summary>The result of a practice round when this answer ended it: the score, and whether another round follows.</summary>
    /// <remarks>From the context read for the submit plus this answer: no second read of the rater's answers.</remarks>
    private static string? PracticeNote(Context context, int position, bool right)
    {
        var length = context.PracticeLength;
        if ((position + 1) % length != 0) return null;
        var correct = new Dictionary<int, bool>(context.Correct) { [position] = right };
        var round = position / length;
        var score = correct.Count(c => c.Key / length == round && c.Value);
        var rounds = PracticeRounds.Given(length, context.Study.PracticePassMark, p => correct.TryGetValue(p, out var r) ? r : null);
        var summary = $"Practice round {round + 1}: {score} of {length} right.";
        return rounds == round + 1
            ? $"{summary} The study starts now{(context.Study.Feedback ? "" : ", without feedback")}: every answer counts."
            : $"{summary} The pass mark is {context.Study.PracticePassMark * 100:0}%: another practice round follows.";
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
            frozen = (items, items.Select(i => new TrialItem(i.Truth, i.Role)).ToList(), (ulong)assignment.OrderSeed);
            _frozen[studyId] = frozen;
        }
        // Answers are read every time: the same rater may be answering on another device.
        var answers = await (
                from a in db.Set<Answer>()
                join i in db.Set<StudyItem>() on a.ItemId equals i.Id
                where a.StudyId == studyId && a.RaterId == userId
                select new { a.Position, a.IsPractice, a.Response, a.Chosen, i.Truth, i.Class })
            .ToListAsync(ct);
        // Practice answers decide how many practice rounds there are (a round under the pass mark adds one).
        var correct = answers.Where(a => a.IsPractice).ToDictionary(a => a.Position,
            a => PracticeRounds.IsRight(study.Task, a.Chosen, a.Response, a.Truth, a.Class));
        var paired = study.Mode == RatingMode.Paired;
        var practiceLength = StudyTrials.PracticeLength(frozen.TrialItems, paired);
        var rounds = PracticeRounds.Given(practiceLength, study.PracticePassMark, p => correct.TryGetValue(p, out var right) ? right : null);
        var sequence = StudyTrials.Build(frozen.TrialItems, paired, study.RepeatShare, frozen.Seed, rounds);
        return new Context(study, frozen.Items, sequence, [.. answers.Select(a => a.Position)], practiceLength) { Correct = correct };
    }
}
