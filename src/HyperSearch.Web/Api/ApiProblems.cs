using HyperSearch.Core.Validation;

namespace HyperSearch.Web.Api;

/// <summary>Field errors as a 400 ValidationProblem keyed by JSON path (the same paths the form shows).</summary>
internal static class ApiProblems
{
    public static IResult Validation(IEnumerable<ValidationError> errors) =>
        Results.ValidationProblem(
            errors.GroupBy(e => e.Path).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
            title: "The request has invalid fields.");

    public static IResult Validation(string path, string message) => Validation([new ValidationError(path, message)]);
}
