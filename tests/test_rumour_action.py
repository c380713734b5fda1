"""The 5.3 slot rules of rules/rumour_action.yaml (issue 14): an alarming claim × readers urged
to act on it at once; an organisation set against the state from abroad × a call to join or
fund it; the regime named × a call to overthrow or desert it. Each rule is tried on wordings its own examples do not use, with and without
diacritics, and on look-alikes that hold one slot but not the other. The texts are written for
these tests; so are the vocabulary cases for the slots widened in inflammatory_slots.yaml.
"""
from __future__ import annotations

from rule_files import slot_rule_tests


CASES = {
    "rumour.panic-action": (
        ["Điện lực sắp cắt điện cả huyện một tuần, nhà nào có tiền thì [mua máy phát] ngay.",
         "Công ty bảo hiểm đó sắp mất khả năng chi trả, ai đóng phí rồi thì [đòi lại ngay].",
         "Đê bao phía tây sắp vỡ, dân xóm dưới [chạy hết đi].",
         "Nhà máy ngay cạnh bị rò rỉ phóng xạ, [cho con nghỉ học] ở nhà đi các mẹ.",
         "thang toi doi tien, tien cu het gia tri, ai con tien mat thi [doi sang vang]"],
        ["Bán gấp lô đất 100 mét vuông mặt đường liên xã, chính chủ.",
         "Theo khuyến cáo của trung tâm dự báo, bão sắp đổ bộ, bà con tích trữ nước uống.",
         "Chuyện ngân hàng sắp phá sản là tin đồn thất thiệt, không cần rút hết tiền.",
         "Nhà mình hay trữ gạo và mắm muối cho cả tháng.",
         "Cắt điện theo lịch từ 8 giờ đến 11 giờ sáng mai để bảo dưỡng trạm biến áp."]),
    "incitement.exile-organisation": (
        ["[Hội đồng lâm thời] cần người trong nước, ai có chí thì đăng ký tham gia nhé.",
         "Góp sức cho [lực lượng phục quốc] đi anh em, chuyển khoản qua số dưới.",
         "[Tổ chức lưu vong] này đang quyên góp để [lật đổ chế độ], donate ít nhiều.",
         "[Ủy ban quốc gia lâm thời] mở biểu quyết trên mạng, ai cũng nên bấm đồng ý.",
         "moi nguoi gop tien cho [mat tran hai ngoai] de chuan bi [ngay ve nuoc]"],
        ["Cảnh giác với các trang tự xưng chính phủ lưu vong kêu gọi chuyển tiền, đó là lừa đảo.",
         "Sách giáo khoa lịch sử kể về Chính phủ lâm thời năm 1945 và lời kêu gọi ủng hộ Tuần lễ Vàng.",
         "Tòa tuyên án ba đối tượng tham gia tổ chức khủng bố lưu vong.",
         "Hội người cao tuổi phường đang quyên góp ủng hộ bà con vùng lũ.",
         "Bộ phim kể về một nhà thơ sống lưu vong ở Paris."]),
    "incitement.anti-state": (
        ["Bà con ơi, nổi dậy chống lại [chế độ hiện tại] thôi, chịu đủ rồi.",
         "[Cộng sản] sắp sụp rồi, anh em chuẩn bị mà hạ bệ tụi nó.",
         "Ai còn [theo đảng] thì mau tỉnh ngộ trước khi muộn.",
         "[chinh quyen nay] phai bi lat do, ae dong long nhe"],
        ["Phong trào Cần Vương nổi dậy chống lại thực dân Pháp cuối thế kỷ 19.",
         "Chế độ tiền lương mới áp dụng từ tháng bảy, anh em xem kỹ bảng lương.",
         "Các thế lực thù địch xuyên tạc, kêu gọi lật đổ chế độ, mọi người cảnh giác.",
         "Trò chơi này có chế độ chống lại quái vật theo nhóm."]),
    # widened vocabularies of the older slot rules
    "incitement.mass-disruption": (
        ["Tụi bây mai đồng loạt [nghỉ ốm hết] cho xưởng [tê liệt luôn].",
         "Cả tòa nhà tối nay xuống [khóa cổng], không cho ban quản trị ra về.",
         "Đồng bào ai thấy trang đó thì [report giúp], mỗi người vài lần.",
         "Mỗi nick vào bài đó [cmt chửi] cho nó xóa bài.",
         "ca lop mai [nghi hoc tap the] de phan doi nha truong"],
        ["Tụi bây nhớ mai mang đủ sách vở nhé.",
         "Cả tòa nhà nhớ khóa cửa cẩn thận khi đi vắng dịp Tết.",
         "Ai thấy lỗi trên ứng dụng thì báo cho đội kỹ thuật qua mục góp ý.",
         "Mỗi nhà treo cờ Tổ quốc dịp Quốc khánh theo thông báo của phường.",
         "Cả xưởng nghỉ Tết từ 25 tháng Chạp theo lịch của công ty."]),
    "rumour.insider-claim": (
        ["Tôi [có anh bạn làm] thanh tra nói chắc nịch ngân hàng đó sắp bị đóng cửa.",
         "[Con trai] bà Tư làm ở điện lực bảo tuần sau cắt điện cả phường, mọi người bán gấp đồ đông lạnh đi.",
         "[Thông tin chính xác từ] một [người làm ở] sở: năm nay bỏ hẳn kỳ thi, chưa ai biết đâu.",
         "[co ban lam] o san bay tan mat thay ong giam doc do len may bay tron roi",
         "[Em gái] làm ở trạm y tế kể lô vắc xin đó hết hạn, các mẹ đừng cho con đi tiêm.",
         "[Ông anh] họ làm bên điện lực nói hè này cúp điện luân phiên, sắm máy phát đi anh em."],
        ["Con trai bà Tư làm ở điện lực, cuối tuần về quê thăm mẹ.",
         "Tôi có anh bạn làm công an, hôm nào rảnh rủ đi cà phê.",
         "Có bạn làm ở sân bay kể hôm nay khách đông nhất năm."]),
    # the writer's own act of passing a claim on, told in a diary's prose: still the writer's
    "rumour.writer-spread": (
        ["Hôm qua đi họp phụ huynh về, mọi người bàn tán rằng trường sắp cắt hết suất bán trú. "
         "Nghe bảo kế toán đã bỏ túi tiền ăn của các cháu, [mình đã chuyển tiếp] cho hội phụ huynh khối ba.",
         "Chị đồng nghiệp bảo nước máy khu này nhiễm độc nặng, [tôi đăng lên] trang cá nhân cho bà con biết.",
         "ong to truong noi cau sap bi thao do, [minh da share] cho ca xom"],
        ["Mình đã share thông báo chính thức của phường về lịch tiêm chủng.",
         "Tin nước máy nhiễm độc là tin giả, mình đã share bài bác bỏ của công ty cấp nước.",
         "Hôm nay mình đăng lên nhóm ảnh cả lớp đi dã ngoại ở Ba Vì."]),
    "incitement.writer-call": (
        ["Tôi kêu gọi mọi người thứ Bảy này [kéo lên] ủy ban phường đòi trả lại mặt bằng.",
         "Anh em ơi tối nay vào trang của nhà xe đánh giá [1 sao] cho đến khi họ hoàn vé.",
         "minh da xac nhan tham gia [chan cong] nha may sang thu hai"],
        ["Tôi kêu gọi mọi người góp ý dự thảo qua cổng thông tin của phường.",
         "Anh em ơi tối nay đội tuyển thắng, kéo nhau ra phố ăn mừng thôi.",
         "Mình đã tham gia buổi dọn rác bãi biển cùng đoàn thanh niên."]),
}


# each hit's reported spans are marked in [brackets]
test_a_slot_pair_in_new_words_is_found, test_one_slot_alone_or_a_look_alike_is_not = slot_rule_tests(CASES)
