package com.nusomi.recorder.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Rectangle;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Our windows' bounds, as the recorder reads them: a window counts while it shows and is not minimised. */
@ExtendWith(ApplicationExtension.class)
class OwnWindowsTest {
    private final OwnWindows own = new OwnWindows();
    private Stage first;
    private Stage second;

    @Start
    void start(Stage primary) {
        first = stage(40, 30, 300, 200);
        second = stage(500, 60, 200, 100);
        own.track(first);
        own.track(second);
    }

    private static Stage stage(double x, double y, double width, double height) {
        Stage s = new Stage();
        s.setScene(new Scene(new Pane()));
        s.setX(x);
        s.setY(y);
        s.setWidth(width);
        s.setHeight(height);
        return s;
    }

    @AfterEach
    void hide() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
                    first.hide();
                    second.hide();
                })
                .get();
    }

    @Test
    void nothingIsPublishedBeforeAWindowShows() {
        assertThat(own.bounds()).isEmpty();
    }

    @Test
    void eachShownWindowIsPublishedWithItsBounds(FxRobot robot) {
        robot.interact(() -> {
            first.show();
            second.show();
        });

        assertThat(own.bounds())
                .containsExactlyInAnyOrder(new Rectangle(40, 30, 300, 200), new Rectangle(500, 60, 200, 100));
    }

    @Test
    void aMoveIsPublished(FxRobot robot) {
        robot.interact(first::show);
        robot.interact(() -> first.setX(90));

        assertThat(own.bounds()).containsExactly(new Rectangle(90, 30, 300, 200));
    }

    @Test
    void aHiddenWindowIsDropped(FxRobot robot) {
        robot.interact(() -> {
            first.show();
            second.show();
        });
        robot.interact(second::hide);

        assertThat(own.bounds()).containsExactly(new Rectangle(40, 30, 300, 200));
    }

    @Test
    void aMinimisedWindowIsDropped(FxRobot robot) {
        robot.interact(first::show);
        robot.interact(() -> first.setIconified(true));

        assertThat(own.bounds()).isEmpty();
    }
}
