// .NET 10's reconnect handler (from the `dotnet new blazor` template), plus one change: once the
// built-in retries are spent ("failed"), it keeps retrying every few seconds instead of waiting for
// the tab to become visible again, so a dashboard left open on a wall screen reloads by itself when
// the server is back. A server that restarted rejects the old circuit: "rejected" reloads the page.
const failedRetryMilliseconds = 3000;

const reconnectModal = document.getElementById("components-reconnect-modal");
reconnectModal.addEventListener("components-reconnect-state-changed", handleReconnectStateChanged);

const retryButton = document.getElementById("components-reconnect-button");
retryButton.addEventListener("click", retry);

const resumeButton = document.getElementById("components-resume-button");
resumeButton.addEventListener("click", resume);

let failedRetryTimer = null;

function handleReconnectStateChanged(event) {
    if (event.detail.state === "show") {
        reconnectModal.showModal();
    } else if (event.detail.state === "hide") {
        stopRetryingWhileFailed();
        reconnectModal.close();
    } else if (event.detail.state === "failed") {
        document.addEventListener("visibilitychange", retryWhenDocumentBecomesVisible);
        failedRetryTimer ??= setInterval(retry, failedRetryMilliseconds);
    } else if (event.detail.state === "rejected") {
        location.reload();
    }
}

function stopRetryingWhileFailed() {
    document.removeEventListener("visibilitychange", retryWhenDocumentBecomesVisible);
    if (failedRetryTimer !== null) {
        clearInterval(failedRetryTimer);
        failedRetryTimer = null;
    }
}

async function retry() {
    try {
        // Reconnect returns true (reconnected), false (the server answered but no longer knows the
        // circuit, e.g. after a restart) or throws (the server is still unreachable).
        const successful = await Blazor.reconnect();
        stopRetryingWhileFailed();
        if (!successful) {
            const resumeSuccessful = await Blazor.resumeCircuit();
            if (!resumeSuccessful) {
                location.reload();
            } else {
                reconnectModal.close();
            }
        }
    } catch (err) {
        // Still unreachable: the interval (or the tab becoming visible) tries again.
    }
}

async function resume() {
    try {
        const successful = await Blazor.resumeCircuit();
        if (!successful) {
            location.reload();
        }
    } catch {
        reconnectModal.classList.replace("components-reconnect-paused", "components-reconnect-resume-failed");
    }
}

async function retryWhenDocumentBecomesVisible() {
    if (document.visibilityState === "visible") {
        await retry();
    }
}
