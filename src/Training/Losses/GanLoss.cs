namespace MelanoGans.Training.Losses;

/// <summary>The adversarial objective.</summary>
public enum GanLoss
{
    /// <summary>Least squares (Mao et al.), the study's choice: D pushes reals to 1 and fakes to 0; G pushes fakes to 1.</summary>
    Lsgan,

    /// <summary>The non-saturating logistic loss of Goodfellow et al.: softplus on logits.</summary>
    NonSaturating,
}
