package dev.ovha.twin.state.fis;

/** What one running action does to the world; see {@link ActionContext} for how it reports back. */
interface ActionEffect {

    /** Begins the action; it reports completion or failure through its context, now or later. */
    void start();

    /** The experiment is stopping: undo what can be undone; no report is expected afterwards. */
    void stop();
}
