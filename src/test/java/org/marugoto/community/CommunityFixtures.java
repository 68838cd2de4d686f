package org.marugoto.community;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.marugoto.community.domain.ActivityCommand;
import org.marugoto.community.domain.ActivityKind;
import org.marugoto.community.domain.ActivityStatus;
import org.marugoto.community.domain.Schedule;
import org.marugoto.community.domain.ScheduleKind;
import org.marugoto.community.domain.Target;

/** Activities for tests. */
public final class CommunityFixtures {

    private CommunityFixtures() {}

    /** A free salon for anyone, every month on the 2nd Wednesday, 10:00–12:00. */
    public static ActivityCommand activity(UUID groupId, UUID areaId, String name) {
        return new ActivityCommand(
                groupId,
                ActivityKind.SALON,
                false,
                name,
                null,
                "おしゃべりと体操",
                null,
                areaId,
                "テスト会館",
                "美月野市テスト町1-1",
                "バス停から3分",
                Set.of(Target.ANYONE),
                null,
                null,
                20,
                true,
                false,
                false,
                Set.of("ja"),
                null,
                "0470-00-0000",
                null,
                new Schedule(
                        ScheduleKind.MONTHLY,
                        EnumSet.of(DayOfWeek.WEDNESDAY),
                        List.of(2),
                        LocalTime.of(10, 0),
                        LocalTime.of(12, 0),
                        new TreeSet<>(),
                        null),
                ActivityStatus.OPEN);
    }
}
