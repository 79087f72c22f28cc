using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HyperSearch.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class FailureKinds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "FailureKind",
                table: "Trials",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ResumedAt",
                table: "Searches",
                type: "bigint",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "FailureKind",
                table: "Trials");

            migrationBuilder.DropColumn(
                name: "ResumedAt",
                table: "Searches");
        }
    }
}
