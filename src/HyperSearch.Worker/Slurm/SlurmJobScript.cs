using System.Globalization;
using System.Text;
using HyperSearch.Core.Slurm;

namespace HyperSearch.Worker.Slurm;

/// <summary>
/// The batch script of a worker job. The worker is exec'd, so it is the job's batch process: Slurm's
/// SIGTERM (scancel, preemption, <c>--signal=B:TERM@grace</c> before the time limit) reaches it and it hands
/// its trials back. A GPU job's devices come from CUDA_VISIBLE_DEVICES, which Slurm sets to the GPUs it
/// allocated; CUDA numbers those from 0 inside the process, so the worker serves cuda:0 … cuda:n-1.
/// The host name it registers with names the job (<see cref="SlurmWorkerHost"/>).
/// </summary>
public static class SlurmJobScript
{
    public static string For(SlurmProfile profile, SlurmSettings settings)
    {
        var idle = settings.ExitWhenIdle.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
        var script = new StringBuilder()
            .Append("#!/bin/bash\n")
            .Append($"# A HyperSearch worker (profile '{profile.Name}'), submitted by the Slurm executor.\n")
            .Append("set -euo pipefail\n");
        if (profile.Gpus > 0)
        {
            script.Append("gpus=${CUDA_VISIBLE_DEVICES:-${SLURM_JOB_GPUS:-}}\n")
                .Append("[ -n \"$gpus\" ] || { echo \"no GPU allocated (CUDA_VISIBLE_DEVICES and SLURM_JOB_GPUS are empty)\" >&2; exit 1; }\n")
                .Append("devices=\n")
                .Append("i=0; for _ in ${gpus//,/ }; do devices+=\"${devices:+,}cuda:$i:")
                .Append(profile.SlotsPerGpu.ToString(CultureInfo.InvariantCulture)).Append("\"; i=$((i + 1)); done\n");
        }
        else
            script.Append("devices=cpu:").Append(profile.CpuSlots.ToString(CultureInfo.InvariantCulture)).Append('\n');
        script.Append($"export HyperSearch__Worker__Host=\"{SlurmWorkerHost.Format("$(hostname -s)", "${SLURM_JOB_ID}")}\"\n")
            .Append("echo \"worker devices: $devices\" >&2\n")
            .Append($"exec {settings.WorkerCommand} worker --devices \"$devices\" --exit-when-idle {idle}\n");
        return script.ToString();
    }
}
