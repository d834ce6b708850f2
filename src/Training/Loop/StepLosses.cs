namespace MelanoGans.Training.Loop;

/// <summary>The losses of one step, as plain numbers (the tensors are gone with the step's dispose scope).</summary>
public readonly record struct StepLosses(double LossD, double LossG, double? LossR1)
{
    /// <summary>
    /// "loss_d became infinite at step 2" when a loss is infinite or NaN after <paramref name="step"/>, else null:
    /// the reason a run stops with (its weights are no longer worth a step or a checkpoint).
    /// </summary>
    public string? NonFiniteReason(long step) =>
        Reason("loss_d", LossD, step) ?? Reason("loss_g", LossG, step) ?? Reason("loss_r1", LossR1 ?? 0, step);

    private static string? Reason(string name, double value, long step) =>
        double.IsFinite(value) ? null : $"{name} became {(double.IsNaN(value) ? "NaN (not a number)" : "infinite")} at step {step}";
}
