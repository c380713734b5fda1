"""The inflammatory slot rules (rules/inflammatory_slots.yaml, issue 14): each violation is two
meanings together (an insider source × the claim pressed on readers; a crowd × a disruptive
act; a group × a vice pinned on it …). Each rule is tried on wordings its own examples do not
use, with and without diacritics, and on look-alikes that hold one slot but not the other.
The texts are written for these tests.
"""
from __future__ import annotations

from rule_files import slot_rule_tests


CASES = {
    "rumour.insider-claim": (
        ["[Em họ] mình làm ở sở giáo dục nói chắc nịch là đề thi năm nay bị lộ.",
         "[Người quen bên] hải quan xác nhận lô sữa đó có chất độc, mọi người vứt hết đi.",
         "[Nguồn tin đặc biệt]: ngân hàng X sắp mất thanh khoản, ai gửi tiền thì rút ngay.",
         "[Người trong ngành] bảo tháng sau cắt phụ cấp toàn bộ. Lan truyền giúp mình.",
         "[ban minh lam] o benh vien tinh xac nhan co dich la ma ho dang giau"],
        ["Người quen mình làm ở ngân hàng giới thiệu gói vay mua nhà khá ổn.",
         "Chị họ mình vừa sinh em bé, cả nhà chia sẻ niềm vui.",
         "Nguồn tin nội bộ nói đại sứ quán sắp đóng cửa là tin giả, đừng tin.",
         "Bạn mình làm ở sân bay kể hôm nay đông khách quá.",
         "Chắc chắn cuối tuần này mình sẽ ghé thăm ông bà."]),
    "incitement.mass-disruption": (
        ["Cả hội vào trang của nhà xe đó đánh giá [1 sao] cho [tụt hạng] luôn.",
         "Tối nay anh em đồng loạt [report page] kia, mỗi người vài lần.",
         "Bà con cùng nhau [không nộp phí] vệ sinh tháng này cho họ biết tay.",
         "Các bạn hẹn nhau sáng mai ra [chắn cửa] siêu thị, không cho ai vào.",
         "ae dong loat [tat app] tu 7h sang mai nhe"],
        ["Mọi người nhớ đóng tiền quỹ lớp trước thứ sáu nhé.",
         "Anh em chặn số lạ gọi mời chào bảo hiểm đi cho đỡ phiền.",
         "Cả nhà mình cho quán này 5 sao vì đồ ăn ngon.",
         "Đường bị chặn do sửa cống, mọi người đi lối khác nhé.",
         "Năm 1945, cả nước đã cùng nhau xuống đường giành chính quyền, một phong trào lịch sử."]),
    "reputation.misconduct-claim": (
        ["Tổng lãnh sự quán bên đó [thu tiền] ngầm mới cấp giấy tờ sớm.",
         "Mấy ông ở Bộ Ngoại giao [tiếp tay] cho bọn môi giới lao động.",
         "Cán bộ lãnh sự [làm ngơ] khi bà con bị giữ hộ chiếu.",
         "Cơ quan đại diện ở nước đó chỉ biết [tiệc tùng], công dân kêu cứu thì [mặc kệ].",
         "lanh su quan o day [an chan] tien ho tro cong dan",
         # chat names for the Ministry and its staff × money squeezed or pocketed
         "Mấy ông sứ quán bên này chuyên [vòi tiền] bà con làm giấy tờ.",
         "Nhân viên lãnh sự ở đó [hạch sách] người lao động suốt.",
         "Phòng visa [bỏ túi] tiền phí dịch vụ của khách."],
        ["Đại sứ quán đã can thiệp kịp thời, bà con được trả hộ chiếu.",
         "Kẻ mạo danh lãnh sự quán gọi điện thu tiền, mọi người cảnh giác.",
         "Phòng lãnh sự thu lệ phí theo biểu phí niêm yết công khai.",
         "Bộ Ngoại giao mở lớp bồi dưỡng kỹ năng cho cán bộ trẻ.",
         "Đại sứ quán không thu thêm khoản phí nào, mọi người yên tâm.",
         # one slot alone: a pocket in a coat, a staff member doing her job
         "Nhân viên sứ quán hướng dẫn bà con điền tờ khai rất tận tình.",
         "Cô ấy bỏ túi mấy chiếc kẹo rồi đi chơi."]),
    "hate.group-generalisation": (
        ["[Dân Nam Định] thì đứa nào cũng tính toán chi li, làm ăn mệt lắm.",
         "[Người Chăm] ở đó sống bẩn thỉu, đừng cho con chơi cùng.",
         "[Tín đồ] [Tin Lành] toàn lừa đảo người nghèo.",
         "[Bọn Thanh Hóa] toàn gian dối, tuyển là hối hận.",
         "[nguoi ha tinh] thi toan lua dao"],
        ["Dân Nam Định nổi tiếng với món phở bò rất ngon.",
         "Người Chăm ở Ninh Thuận có nghề gốm cổ truyền độc đáo.",
         "Đừng quy chụp người Thanh Hóa là gian dối, đó là định kiến.",
         "Nhiều người Hoa bị lừa đảo qua điện thoại dịp Tết.",
         "Tín đồ Tin Lành tổ chức lễ Giáng sinh ấm cúng."]),
    "hate.threat-harm": (
        ["Mày còn bén mảng tới đây là tao cho [gãy chân].",
         "Thằng nào động vào xe tao thì [xác định nằm viện], à không, [cho nằm viện] luôn.",
         "Tao thề sẽ [đốt nhà nó] nếu còn nợ tiền không trả.",
         "Chúng mày cứ chờ đó, tối nay bọn tao [mang dao] qua.",
         "tao se [tat axit] vao mat con do"],
        ["Tao vừa chém gió với mấy đứa bạn cả buổi tối.",
         "Anh ấy bị đâm trọng thương, công an đang điều tra.",
         "Bà nội cầm dao chặt xương nấu canh.",
         "Chị ơi em nhận hàng rồi nhé, cảm ơn chị.",
         "Tôi sẽ đến bệnh viện thăm ông vào chiều nay."]),
    "hate.defamation-identified": (
        ["Bà trưởng thôn [ăn chặn] tiền hỗ trợ lũ lụt của cả xóm.",
         "Ông hiệu trưởng trường làng [nhận phong bì] mới cho học sinh lên lớp.",
         "Chủ nhà trọ cạnh nhà mình là [xã hội đen], [cho vay nặng lãi].",
         "Thằng kế toán công ty [tham ô] cả tỷ rồi đi du lịch.",
         "ong giam doc benh vien [nhan hoi lo] cua cong ty thiet bi"],
        ["Bị cáo nguyên giám đốc bị tòa tuyên 10 năm tù vì tham ô.",
         "Ông tôi cả đời đấu tranh phòng chống tham nhũng.",
         "Cảnh giác kẻ mạo danh bác sĩ lừa tiền người bệnh.",
         "Chị kế toán vừa nhận giải thưởng nhân viên xuất sắc.",
         "Bộ phim kể về một hiệu trưởng bị vu khống nhận hối lộ."]),
    "incitement.gathering-call": (
        ["Chủ nhật này bà con [kéo lên] huyện đòi lại đất, đông vào.",
         "Sáng thứ hai [tập trung trước] trụ sở phường phản đối việc thu phí.",
         "Công nhân xưởng may [kéo đến] văn phòng công ty đòi lương, ai cũng phải đi.",
         "Mai mọi người [mang theo băng rôn] ra cổng nhà máy, không giải quyết thì không về.",
         "toi nay [keo den] uy ban xa, chua giai quyet thi chua ve"],
        ["Sáng mai tập trung trước cổng trường lúc 6 giờ để đi dã ngoại.",
         "Cả tổ kéo lên huyện dự hội nghị tổng kết năm.",
         "Các bác kéo nhau ra quảng trường xem bắn pháo hoa.",
         "Mọi người mang theo loa kéo ra sân tập văn nghệ nhé.",
         "Năm 1930, nông dân kéo lên huyện đòi giảm thuế trong phong trào Xô viết Nghệ Tĩnh."]),
    "rumour.certain-alarm": (
        ["[Chắc chắn 100%] tối nay có động đất mạnh ở thủ đô.",
         "[Đã xác nhận]: ngân hàng đó sắp phá sản, ai gửi tiền rút ngay.",
         "[Tin chuẩn]: tuần sau phong tỏa toàn thành phố, đi mua gạo dự trữ đi.",
         "[Sự thật mà] [nhà nước không muốn] ai biết: đập thủy điện đã nứt.",
         "[chuan 100%]: ngan hang se khoa tai khoan ai chua cap nhat can cuoc"],
        ["Theo thông báo chính thức của Sở, học sinh nghỉ học ngày mai vì bão.",
         "Chắc chắn 100% mình sẽ xem chung kết tối nay.",
         "Tin chuẩn từ thầy chủ nhiệm: lớp mình đi tham quan thứ bảy.",
         "Tin đồn đập thủy điện bị nứt là tin giả, đừng tin.",
         "Sự thật là mình không thích ăn sầu riêng."]),
    "language.contempt-label": (
        ["Cái loại [ba hoa] đó nói chẳng ai tin.",
         "Đúng là đồ [rẻ rách], được voi đòi tiên.",
         "Thằng [nhãi ranh] mới vào nghề đã lên mặt.",
         "Lũ [ăn cháo đá bát], quên hết người giúp mình.",
         "cai loai [that hoc] do thi biet gi"],
        ["Cái điều khiển này vô dụng rồi, mua cái mới thôi.",
         "Mình thích không khí quê mùa yên bình ở làng.",
         "Hôm nay mình thấy mình thật vô dụng, làm gì cũng hỏng.",
         "Con vẹt nhà bà ngoại biết nói xin chào.",
         "Từ lóng 'trẩu tre' nghĩa là trẻ con hay gây sự."]),
    # a person's trait likened, after "như", to an animal or a worthless thing
    "language.vile-likeness": (
        ["Cô kế toán mới nói chuyện như [con vẹt], ai bảo gì nghe nấy.",
         "Lão chủ trọ keo kiệt như [chuột cống], tiền điện cũng ăn chênh.",
         "Mặt hắn lúc bị nhắc nhở nhăn như [khỉ ăn ớt].",
         "Thằng bé hàng xóm hát như [bò rống] từ sáng tới trưa."],
        ["Con vẹt nhà ông nội nói được mấy câu chào khách.",
         "Anh ấy khỏe như trâu, vác hai bao xi măng một lúc.",
         "Chiếc bánh chưng to như cái mâm, cả nhà ăn ba ngày.",
         "Mình ngu như bò ấy, quên mang cả ví.",
         "Đừng gọi ai là 'mặt như đít nồi', câu nói đó xúc phạm người ta."]),
    # ninth session: a threat that names no harm; a claim vouched for by a cover-up
    "hate.veiled-threat": (
        ["Còn đăng bài bêu tao nữa [thì coi chừng] cái thân.",
         "Khôn hồn thì gỡ đi, [đừng trách tao] không nói trước.",
         "con nao con comment linh tinh [thi coi chung]",
         "Tao biết chỗ làm của mày rồi, tối [về cẩn thận] nhé."],
        ["Đường trơn lắm, tối về cẩn thận nhé.",
         "Cứ viết tiếp đi, truyện của bạn hay lắm.",
         "Mẹ dặn: còn thức khuya nữa thì coi chừng ốm.",
         "Chị bị nhắn dọa còn viết thì đừng trách, chị đã trình báo công an."]),
    "rumour.hidden-truth": (
        ["Nghe đâu cả chuyến đi là để bán biển, [báo chí không nói] gì hết.",
         "Phó giám đốc sở bị bắt vì nhận hối lộ, [báo không đăng] đâu.",
         "ong pho giam doc vua bi bat roi, [bao khong dang] dau"],
        ["Báo không đăng kết quả trận đấu tối qua, ai xem rồi kể mình nghe.",
         "Tin đồn sập cầu mà báo không đăng là tin giả, đừng tin.",
         "Theo báo Nhân Dân, phà chìm do sóng lớn, không có người chết."]),
}


# each hit's reported spans are marked in [brackets]
test_a_slot_pair_in_new_words_is_found, test_one_slot_alone_or_a_look_alike_is_not = slot_rule_tests(CASES)
