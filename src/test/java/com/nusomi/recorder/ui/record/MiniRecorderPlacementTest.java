package com.nusomi.recorder.ui.record;

import static org.assertj.core.api.Assertions.assertThat;

import com.nusomi.recorder.app.settings.Settings.WindowBounds;
import com.nusomi.recorder.ui.AppFixture;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.input.MouseButton;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The mini recorder comes back where the operator dragged it, and at the top right while it has no place. */
@ExtendWith(ApplicationExtension.class)
class MiniRecorderPlacementTest {
    @RegisterExtension
    final AppFixture app = AppFixture.create();

    private Stage stage;

    @Start
    void start(Stage primary) throws Exception {
        stage = new Stage();
        app.show(stage);
    }

    @AfterEach
    void tearDown() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
                    app.window.miniRecorder().hide();
                    stage.hide();
                })
                .get();
    }

    private Stage showMini() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> app.window.miniRecorder().show()).get();
        WaitForAsyncUtils.waitForFxEvents();
        return app.window.miniRecorder().stage();
    }

    private void hideMini() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> app.window.miniRecorder().hide()).get();
    }

    @Test
    void itComesBackWhereItWasDragged(FxRobot robot) throws Exception {
        Stage mini = showMini();
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        assertThat(mini.getX() + mini.getWidth()).as("top right at first").isEqualTo(screen.getMaxX() - 24);
        assertThat(mini.getY()).isEqualTo(screen.getMinY() + 24);

        Point2D grip = new Point2D(mini.getX() + 12, mini.getY() + mini.getHeight() / 2);
        robot.drag(grip, MouseButton.PRIMARY).dropTo(new Point2D(grip.getX() - 300, grip.getY() + 200));
        double x = mini.getX();
        double y = mini.getY();
        hideMini();
        Stage again = showMini();

        assertThat(x).isCloseTo(screen.getMaxX() - 24 - mini.getWidth() - 300, Offset.offset(2.0));
        assertThat(new double[] {again.getX(), again.getY()}).containsExactly(x, y);
        assertThat(app.context.settings().miniRecorder.x).isEqualTo(x);
        assertThat(app.context.settings().miniRecorder.y).isEqualTo(y);
    }

    @Test
    void aPlaceOnNoScreenGoesBackToTheTopRight() throws Exception {
        app.context.settings().miniRecorder = new WindowBounds(-5000, -5000, 400, 90, false);

        Stage mini = showMini();

        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        assertThat(mini.getX() + mini.getWidth()).isEqualTo(screen.getMaxX() - 24);
        assertThat(mini.getY()).isEqualTo(screen.getMinY() + 24);
    }
}
