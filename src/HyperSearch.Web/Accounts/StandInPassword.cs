using System.Security.Cryptography;
using HyperSearch.Data.Entities;
using Microsoft.AspNetCore.Identity;

namespace HyperSearch.Web.Accounts;

/// <summary>
/// A password hash of no account, made once with the accounts' own hasher (same algorithm and
/// iteration count), verified when a sign-in names an unknown or locked account: the attempt then
/// costs the same hash verification as a wrong password of a real account.
/// </summary>
public sealed class StandInPassword(IPasswordHasher<UserEntity> hasher)
{
    private static readonly UserEntity Nobody = new();
    // Made once per process (the hasher is scoped, its settings are not): hashing it per attempt would double the cost.
    private static string? hash;

    public void Verify(string password)
    {
        hash ??= hasher.HashPassword(Nobody, Convert.ToHexString(RandomNumberGenerator.GetBytes(32)));
        hasher.VerifyHashedPassword(Nobody, hash, password);
    }
}
