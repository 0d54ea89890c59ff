package com.nusomi.recorder.ui.main;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nusomi.recorder.app.settings.Settings;
import com.nusomi.recorder.ui.AppFixture;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** The main window reopens where and as large as it was when the app closed, through the settings file. */
@ExtendWith(ApplicationExtension.class)
class WindowPlacementScreenTest {
    @RegisterExtension
    final AppFixture app = AppFixture.create();

    /** As the user does with the mouse. */
    private static void moveAndResize(Stage stage, double x, double y, double width, double height) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
                    stage.setX(x);
                    stage.setY(y);
                    stage.setWidth(width);
                    stage.setHeight(height);
                })
                .get();
    }

    @Test
    void theWindowReopensWhereItWasClosed() throws Exception {
        Stage first = app.showOnANewStage();
        moveAndResize(first, 40, 30, 1100, 720);
        app.quit(first);

        Stage second = app.showOnANewStage(); // a new context: the settings are read back from the file
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(new double[] {second.getX(), second.getY(), second.getWidth(), second.getHeight()})
                .containsExactly(40, 30, 1100, 720);
        assertThat(second.isMaximized()).isFalse();
        WaitForAsyncUtils.asyncFx(second::hide).get();
    }

    @Test
    void aMovedWindowIsWrittenToDiskOnceLeftAloneSoThatACrashKeepsIt() throws Exception {
        Stage first = app.showOnANewStage();
        WaitForAsyncUtils.waitForFxEvents();
        moveAndResize(first, 70, 45, 1080, 730);

        await().atMost(10, TimeUnit.SECONDS).untilAsserted(() -> {
            Settings.WindowBounds saved = app.settingsOnDisk().window;
            assertThat(saved).isNotNull();
            assertThat(new double[] {saved.x, saved.y, saved.width, saved.height})
                    .containsExactly(70, 45, 1080, 730);
        });
        app.crash(first);

        Stage second = app.showOnANewStage();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(new double[] {second.getX(), second.getY(), second.getWidth(), second.getHeight()})
                .containsExactly(70, 45, 1080, 730);
        WaitForAsyncUtils.asyncFx(second::hide).get();
    }

    @Test
    void thePlaceAndSizeAreAskedForAgainOnceTheWindowIsShownAndOnlyTheFirstTime() throws Exception {
        Stage stage = WaitForAsyncUtils.asyncFx(() -> {
                    Stage s = new Stage();
                    s.setScene(new Scene(new StackPane(), 400, 300));
                    s.setX(120);
                    s.setY(90);
                    WindowPlacement.placeAgainOnceShown(s, new Rectangle2D(120, 90, 900, 600));
                    // what some window managers do to a JavaFX 21 stage as it is first mapped (JDK-8316423)
                    boolean[] mapped = {false};
                    s.addEventHandler(WindowEvent.WINDOW_SHOWING, e -> {
                        if (!mapped[0]) {
                            mapped[0] = true;
                            s.setY(65);
                            s.setWidth(202);
                            s.setHeight(225);
                        }
                    });
                    s.show();
                    return s;
                })
                .get();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(new double[] {stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight()})
                .containsExactly(120, 90, 900, 600);

        // shown again (as when restored from the mini recorder): the place and size the user gave it stand
        WaitForAsyncUtils.asyncFx(() -> {
                    stage.setX(200);
                    stage.setWidth(700);
                    stage.hide();
                    stage.show();
                })
                .get();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(new double[] {stage.getX(), stage.getWidth()}).containsExactly(200, 700);
        WaitForAsyncUtils.asyncFx(stage::hide).get();
    }

    @Test
    void aMaximisedWindowReopensMaximisedAndKeepsItsNormalSize() throws Exception {
        Stage first = app.showOnANewStage();
        moveAndResize(first, 60, 50, 1050, 710);
        app.quit(first);
        Stage second = app.showOnANewStage();
        WaitForAsyncUtils.asyncFx(() -> second.setMaximized(true)).get();
        app.quit(second);

        Stage third = app.showOnANewStage();
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(third.isMaximized()).isTrue();
        assertThat(app.context.settings().window.x).isEqualTo(60);
        assertThat(app.context.settings().window.width).isEqualTo(1050);

        // un-maximised, it goes back to its normal place (a window manager may know none for a window mapped
        // maximised)
        WaitForAsyncUtils.asyncFx(() -> third.setMaximized(false)).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(new double[] {third.getX(), third.getY(), third.getWidth(), third.getHeight()})
                .containsExactly(60, 50, 1050, 710);
        WaitForAsyncUtils.asyncFx(third::hide).get();
    }
}
