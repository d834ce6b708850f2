using System.ComponentModel.DataAnnotations;

namespace MelanoGans.Client.Pages.Account;

/// <summary>The change-password form.</summary>
public sealed class ChangePasswordInput
{
    [Required(ErrorMessage = "Enter your current password.")]
    public string CurrentPassword { get; set; } = "";

    [Required(ErrorMessage = "Enter a new password.")]
    [MinLength(8, ErrorMessage = "The new password needs at least 8 characters.")]
    public string NewPassword { get; set; } = "";

    [Compare(nameof(NewPassword), ErrorMessage = "The two new passwords differ.")]
    public string ConfirmPassword { get; set; } = "";
}
